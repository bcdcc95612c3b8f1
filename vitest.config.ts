import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // PGlite and the sandbox take a few seconds to start.
    hookTimeout: 30_000,
    testTimeout: 20_000,
    pool: 'forks',
    // Each worker keeps its loaded modules (discord.js, PGlite's WebAssembly) from file to file: half the
    // suite's CPU went into loading them again for every file. Test files share no module state: each
    // builds its own database, sandbox and bot.
    isolate: false,
    // Two cores here: more workers only contend.
    maxWorkers: 2,
  },
});
