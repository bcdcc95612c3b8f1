import { describe, expect, it } from 'vitest';
import { SIMULATED, simulateSchedule } from './schedule-simulation.js';

// A year and a week from 2026-01-01: every DST change of the year once, and 2026's week 53 into 2027.
// Two full years are the soak suite's (test/soak/schedule-two-years.soak.ts).
const WEEKS = 54;

describe('recap schedule simulated over a year', () => {
  it(`fires every week at the local minute, once per covered week, with no week skipped (${SIMULATED} × ${WEEKS} weeks)`, () => {
    const { failures, fires, combinations } = simulateSchedule(WEEKS);
    expect(failures).toEqual([]);
    expect(fires).toBe(combinations * WEEKS);
  }, 120_000);
});
