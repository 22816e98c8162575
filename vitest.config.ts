import { defineConfig } from 'vitest/config';

// Two projects: `unit` (in-memory bus, createCaller, real PostgreSQL) and
// `integration` (real redis-server processes, real replicas over WebSockets).
// Both get a throwaway PostgreSQL database from the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{apps,packages}/*/src/**/*.test.ts',
            'bench/src/**/*.test.ts',
            'examples/*/src/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          globalSetup: ['./packages/db/src/testing/global-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            '{apps,packages}/*/src/**/*.integration.test.ts',
            'bench/src/**/*.integration.test.ts',
            'examples/*/src/**/*.integration.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          // Replicas run apps/realtime/dist/main.js, as in production: rebuilt first (about a second)
          // so a test never runs a bundle of older code, even when one file is run on its own.
          globalSetup: [
            './packages/db/src/testing/global-setup.ts',
            './packages/test-support/src/realtime-build-setup.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
