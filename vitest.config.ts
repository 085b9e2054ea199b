import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          // Mini-program tests have their own projects; the browser test runs only in test:e2e.
          exclude: ['**/node_modules/**', 'tests/miniapp/**', 'tests/e2e/**'],
          // With DATABASE_URL: one migrated template database per run, copied for each test database.
          globalSetup: ['tests/support/postgresTemplate.ts'],
        },
      },
      './tests/miniapp/vitest.components.config.ts',
      './tests/miniapp/vitest.weapp.config.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
