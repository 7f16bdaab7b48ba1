import { defineConfig } from 'vitest/config';

// One base config; the projects below only say which files they run and what they set up first.
export default defineConfig({
  test: {
    // Real servers, real SQLite files and child processes: forks isolate them best.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // A hang guard, not a speed target: a browser scenario of many steps on a busy
          // two-core machine can pass 30 s without anything being wrong.
          testTimeout: 60_000,
          // One Vite build of the UI per run, shared by every e2e file (it runs only when an
          // e2e file is in the run).
          globalSetup: ['test/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
