import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two kinds of tests: components in jsdom (fast), and the built console in headless Chromium against a real API.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['test/setup.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          environment: 'node',
          // Generous: a busy machine can be several times slower than an idle one.
          testTimeout: 300_000,
          hookTimeout: 180_000,
          expect: { poll: { timeout: 30_000 } },
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
