import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Debian's /usr/bin/chromium (driven by playwright-core) against the real server
 * serving the H5 build with a fresh data directory (a copy of one migrated per run, see
 * tests/e2e/dataTemplate.ts). Not part of `npm test` (needs chromium).
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/dataTemplate.ts'],
  },
});
