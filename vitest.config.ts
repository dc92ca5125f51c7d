import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than there are cores: one on a two-core machine. A test
    // file here mostly waits (for PostgreSQL, for Chromium), so two files at a time use the machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Browser tests poll for what proves the page's new state; a busy machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});
