import { describe, expect, it } from 'vitest';
import { SIMULATED, simulateSchedule } from '../domain/schedule-simulation.js';

const WEEKS = 104;

describe('recap schedule simulated over two years', () => {
  it(`fires every week at the local minute, once per covered week, with no week skipped (${SIMULATED} × ${WEEKS} weeks)`, () => {
    const { failures, fires, combinations } = simulateSchedule(WEEKS);
    expect(failures).toEqual([]);
    expect(fires).toBe(combinations * WEEKS);
  });
});
