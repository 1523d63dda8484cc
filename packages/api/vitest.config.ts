import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generous: a busy machine can be several times slower than an idle one (staff logins hash passwords).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one, on our 2-core machines. The tests wait on their
    // database much of the time, so two workers keep both cores busy (PostgreSQL does its share in its own processes).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/**/*.test.ts'],
          // Migrates the run's template database once (decision 024).
          globalSetup: ['test/global-setup.ts'],
          // Each test builds its own app on its own database, so these files share one module graph per worker
          // instead of importing and transforming the app again for each file.
          isolate: false,
        },
      },
      // The adapters' and pure modules' tests keep a module graph per file: run after other files in one worker,
      // src/platforms/payments.test.ts failed (a request signed with another key passed the simulator's check).
      { extends: true, test: { name: 'units', include: ['src/**/*.test.ts'] } },
    ],
  },
});
