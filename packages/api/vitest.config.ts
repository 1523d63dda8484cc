import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Migrates the run's template database once (decision 024).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one, on our 2-core machines. The tests wait on their
    // database much of the time, so two workers keep both cores busy (PostgreSQL does its share in its own processes).
    maxWorkers: 2,
    // The app keeps no state in its modules (each test builds its own app on its own database), so test files share
    // one module graph per worker instead of importing and transforming the app again for each file.
    isolate: false,
  },
});
