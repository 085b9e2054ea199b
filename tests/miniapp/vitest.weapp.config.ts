import path from 'node:path';
import { defineProject } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Tests on the real WeChat output (miniapp/dist/weapp) with miniprogram-simulate: WeChat's WXML
 * compiler renders the pages, taps go through Taro's event handler. The global setup builds the
 * weapp output first when it is missing or older than the sources.
 */
export default defineProject({
  root,
  test: {
    name: 'weapp',
    dir: root,
    include: ['tests/miniapp/weapp/**/*.test.ts'],
    environment: 'jsdom',
    globalSetup: [path.join(root, 'tests/miniapp/weapp/buildWeapp.ts')],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
