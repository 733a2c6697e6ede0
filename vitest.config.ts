import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/tests/unit/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
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
