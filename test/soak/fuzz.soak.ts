import { fuzzSuite } from '../fuzz/suite.js';

// 10,000 generated interactions (issue 9): arbitrary ones, then invalid input and forged buttons.
fuzzSuite(7_000, 3_000);
