import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CommonJS and ES builds whose classes fail each other's instanceof checks.
    // Node gives every importer the CommonJS one; make Vite hand it to our sources too, so
    // schemas can pass between our code and the Apollo libraries.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    reporters: ['default', './scripts/plainSummaryReporter.ts'],
    env: {
      LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
      // The suites play many users at once from one loopback address, polling as fast as they
      // can: the router's per-caller rate limit would refuse them. The tests of the rate limit
      // set it themselves (router/tests/e2e/requestLimits.test.ts).
      ROUTER_RATE_LIMIT_PER_MINUTE: '0',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/tests/unit/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['**/tests/e2e/**/*.test.ts', '**/tests/contract/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Servers bind fixed loopback ports and share one broker; run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
