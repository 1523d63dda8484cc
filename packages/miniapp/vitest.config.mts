import { defineConfig } from 'vitest/config';

// Tests of the built outputs (run after scripts/build-miniapp.mjs): WeChat in miniprogram-simulate,
// Alipay and Douyin logic smoke tests, and the H5 build in headless Chromium. Each starts a real API.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: a busy machine can be several times slower than an idle one; every wait names what it waits for.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    fileParallelism: false,
  },
});
