import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRecapToPost } from '../../src/domain/recap/weeks.js';
import { nextRecapAt, recapWeekFor, type RecapSchedule } from '../../src/domain/schedule.js';
import { weekKey } from '../../src/domain/time.js';
import { propertyRuns } from '../support/property-runs.js';

const DAY = 24 * 60 * 60_000;
const START = Date.parse('2026-01-05T00:00:00Z');
const YEAR = 365 * DAY;
const ZONES = ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'America/St_Johns'];

const schedule = fc.record({
  day: fc.integer({ min: 1, max: 7 }),
  time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  timezone: fc.constantFrom(...ZONES),
});

interface Posted {
  at: number;
  timezone: string;
  key: string;
  start: number;
  end: number;
}

/**
 * A year of one server as the job and /config run it: a recap fires at the stored time, is claimed
 * under its week key (a second claim of a key posts nothing), covers from the previous posted recap,
 * and stores the next time; a settings change stores the next time that will really post, told when
 * the last recap went out (as `/config` is).
 */
function simulate(first: RecapSchedule, changes: readonly { at: number; to: RecapSchedule }[]): Posted[] {
  const posted: Posted[] = [];
  const keys = new Set<string>();
  let current = first;
  let next = nextRecapToPost(current, new Date(START), keys).getTime();
  const pending = [...changes].sort((a, b) => a.at - b.at);
  const last = () => (posted.length > 0 ? new Date(posted.at(-1)?.at ?? 0) : undefined);
  while (next < START + YEAR) {
    const change = pending[0];
    if (change && change.at < next) {
      pending.shift();
      current = change.to;
      next = nextRecapToPost(current, new Date(change.at), keys, last()).getTime();
      continue;
    }
    const fired = new Date(next);
    const week = recapWeekFor(current.timezone, fired, posted.length > 0 ? new Date(posted.at(-1)?.end ?? 0) : undefined);
    if (!keys.has(week.key)) {
      keys.add(week.key);
      posted.push({ at: next, timezone: current.timezone, key: week.key, start: week.range.start.getTime(), end: week.range.end.getTime() });
    }
    next = nextRecapAt(current, fired).getTime();
  }
  return posted;
}

describe('recap coverage over a year of random settings and changes', () => {
  it('puts every win in exactly one recap, each starting where the previous ended, and never two recaps in one week', () => {
    fc.assert(
      fc.property(
        schedule,
        fc.array(fc.record({ at: fc.integer({ min: START, max: START + YEAR }), to: schedule }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: YEAR }), { minLength: 1, maxLength: 60 }),
        (first, changes, winOffsets) => {
          const posted = simulate(first, changes);
          expect(posted.length).toBeGreaterThan(40);
          const from = posted[0]?.start ?? 0;
          const until = posted.at(-1)?.end ?? 0;
          for (const offset of winOffsets) {
            const at = from + (offset % (until - from));
            expect(posted.filter((p) => at >= p.start && at < p.end)).toHaveLength(1);
          }
          expect(new Set(posted.map((p) => p.key)).size).toBe(posted.length);
          for (let i = 1; i < posted.length; i++) {
            const [previous, recap] = [posted[i - 1], posted[i]];
            expect(recap?.start).toBe(previous?.end);
            // Two in one calendar week of the server only when about a week apart (SPEC §1.7).
            if (previous && recap && weekKey(recap.timezone, new Date(previous.at)) === weekKey(recap.timezone, new Date(recap.at))) {
              expect(recap.at - previous.at).toBeGreaterThanOrEqual(6 * DAY);
            }
          }
        },
      ),
      propertyRuns(150),
    );
    // A couple of seconds alone; room for a machine busy with the rest of the suite.
  }, 60_000);
});
