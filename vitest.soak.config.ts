import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Long simulations (minutes, not seconds): `npm run test:soak`, a CI step of its own.
// The property tests again, with all their samples (test/support/property-runs.ts).
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/**/*.soak.ts', 'test/domain/time-properties.test.ts', 'test/domain/recap-coverage-properties.test.ts'],
    env: { PROPERTY_RUNS: 'full' },
    testTimeout: 600_000,
  },
});
