import { defineConfig } from 'vitest/config';

// Tests of the built outputs (run after scripts/build-miniapp.mjs): WeChat in miniprogram-simulate,
// Alipay and Douyin logic smoke tests, and the H5 build in headless Chromium. Each starts a real API.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
