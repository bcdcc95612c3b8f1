import { describe, expect, it } from 'vitest';
import { nextPromptAt, promptDueIn } from '../../src/domain/checkin-prompt.js';

describe('nextPromptAt', () => {
  it('is 10:00 local on the next check-in day, strictly after the given instant', () => {
    // Monday 30 Nov 2026 → Thursday 3 Dec, 10:00 in Paris (UTC+1).
    expect(nextPromptAt('Europe/Paris', 4, new Date('2026-11-30T12:00:00Z')).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    const at = new Date('2026-12-03T09:00:00Z');
    expect(nextPromptAt('Europe/Paris', 4, at).toISOString()).toBe('2026-12-10T09:00:00.000Z');
    expect(nextPromptAt('Asia/Kathmandu', 4, new Date('2026-12-03T04:00:00Z')).toISOString()).toBe('2026-12-03T04:15:00.000Z');
  });

  it('is the first moment promptDueIn finds that day due', () => {
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Chatham', 'Asia/Kathmandu']) {
      const at = nextPromptAt(tz, 4, new Date('2027-03-08T00:00:00Z'));
      expect(promptDueIn(tz, at)?.checkinDay, tz).toBe(4);
      expect(promptDueIn(tz, new Date(at.getTime() - 60_000)), tz).toBeUndefined();
    }
  });
});
