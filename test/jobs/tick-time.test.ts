import { describe, expect, it, vi } from 'vitest';
import { tickTime } from '../../src/jobs/tick-time.js';

describe('the time a long tick stamps its claims with', () => {
  it('keeps the tick’s instant at first, then adds the real time spent, so a late item’s lease is not already old', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const now = new Date('2026-11-30T08:00:00Z');
      const at = tickTime(now);
      expect(at()).toEqual(now);
      vi.advanceTimersByTime(90_000); // a batch of slow deliveries
      expect(at()).toEqual(new Date('2026-11-30T08:01:30Z'));
    } finally {
      vi.useRealTimers();
    }
  });
});
