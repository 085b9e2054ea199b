import path from 'node:path';
import { defineProject } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');
const doubles = path.join(root, 'tests/support/taro');

/**
 * Component tests of the mini-program (happy-dom + Testing Library): Taro's components and APIs
 * are replaced by small renderable stand-ins, so pages render as plain React DOM.
 */
export default defineProject({
  root,
  resolve: {
    alias: [
      { find: /^@tarojs\/taro$/, replacement: path.join(doubles, 'taro.ts') },
      { find: /^@tarojs\/components$/, replacement: path.join(doubles, 'components.tsx') },
    ],
  },
  test: {
    name: 'miniapp',
    dir: root,
    include: ['tests/miniapp/components/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: [path.join(doubles, 'setup.ts')],
    css: false,
    testTimeout: 30_000,
  },
});
