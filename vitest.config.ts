import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/int/**/*.test.ts', 'tests/race/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // each file gets its own database cloned from one migrated template
          isolate: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // what a page shows after a click arrives in its own time on a busy machine: expect.poll waits up to
          // 15 s for it (vitest's default is 1 s), the same patience as the browser's own waits
          expect: { poll: { timeout: 15_000, interval: 100 } },
          pool: 'forks',
          // two journey files at a time, each worker against its own server and database (global-setup.ts)
          maxWorkers: 2,
          retry: 0,
        },
      },
    ],
  },
});
