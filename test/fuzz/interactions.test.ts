import { fuzzSuite } from './suite.js';

// A quick pass: the first 500 of the same seeded samples that test/soak/fuzz.soak.ts runs 10,000 of in CI.
fuzzSuite(350, 150);
