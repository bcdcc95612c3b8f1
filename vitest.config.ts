import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // PGlite and the sandbox take a few seconds to start.
    hookTimeout: 30_000,
    testTimeout: 20_000,
    pool: 'forks',
    // Two cores here: more workers only contend.
    maxWorkers: 2,
  },
});
