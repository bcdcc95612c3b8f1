import { fuzzSuite } from './suite.js';

// A quick pass with the same seeds; test/soak/fuzz.soak.ts runs 7,000 + 3,000 in CI.
fuzzSuite(1_400, 600);
