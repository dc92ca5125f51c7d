import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests poll for what proves the page's new state; a busy machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});
