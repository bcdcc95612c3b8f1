import { describe, expect, it } from 'vitest';
import { completedPeriods, currentProgress, progressBar, revisionAt, targetOffer, type Revision } from '../../src/domain/goals.js';

const tz = 'Europe/London';
const at = (iso: string) => new Date(iso);
// Monday 7 Sep 2026, 00:00 London (BST).
const created = at('2026-09-06T23:00:00Z');
const weekly = (target: number, from = created): Revision => ({ effectiveFrom: from, target, period: 'week' });
/** `n` wins on the Wednesday of the week starting `weeksAfter` weeks after 7 Sep. */
const winsInWeek = (weeksAfter: number, n: number) =>
  Array.from({ length: n }, () => new Date(at('2026-09-09T12:00:00Z').getTime() + weeksAfter * 7 * 86_400_000));

describe('goal periods', () => {
  it('judges each completed week by the target it had then, newest first', () => {
    const revisions = [weekly(2), weekly(3, at('2026-09-16T12:00:00Z'))];
    const winTimes = [...winsInWeek(0, 2), ...winsInWeek(1, 2), ...winsInWeek(2, 3)];
    const now = at('2026-09-30T12:00:00Z'); // Wednesday of the 4th week
    const history = completedPeriods({ revisions, winTimes, timezone: tz, now, createdAt: created, limit: 10 });
    expect(history.map((p) => [p.count, p.target, p.met])).toEqual([
      [3, 3, true],
      [2, 3, false], // edited to 3 during that week: the week ended with 3
      [2, 2, true],
    ]);
    expect(history[2]?.range.start.toISOString()).toBe('2026-09-06T23:00:00.000Z');
  });

  it('does not count the first, partial week as a miss', () => {
    const midWeek = at('2026-09-10T12:00:00Z');
    const history = completedPeriods({ revisions: [weekly(2, midWeek)], winTimes: [], timezone: tz, now: at('2026-09-30T12:00:00Z'), createdAt: midWeek, limit: 10 });
    expect(history).toHaveLength(2);
  });

  it('stops at a change of period kind', () => {
    const revisions: Revision[] = [{ effectiveFrom: created, target: 4, period: 'month' }, weekly(1, at('2026-10-05T10:00:00Z'))];
    const history = completedPeriods({ revisions, winTimes: [], timezone: tz, now: at('2026-10-28T12:00:00Z'), createdAt: created, limit: 10 });
    // The week of 5 Oct ended under the weekly revision, so it counts; the week before ended monthly.
    expect(history.map((p) => p.range.start.toISOString())).toEqual([
      '2026-10-18T23:00:00.000Z',
      '2026-10-11T23:00:00.000Z',
      '2026-10-04T23:00:00.000Z',
    ]);
  });

  it('shows the current period with the newest target, including a change made this instant', () => {
    const now = at('2026-09-30T12:00:00Z');
    const progress = currentProgress([weekly(2), weekly(5, now)], winsInWeek(3, 1), tz, now);
    expect(progress).toMatchObject({ target: 5, count: 1, period: 'week' });
    expect(revisionAt([weekly(2), weekly(5, now)], now)?.target).toBe(2);
  });
});

describe('start small and grow', () => {
  const outcomes = (pattern: string, target = 3) =>
    [...pattern].map((c, i) => ({
      range: { start: at(`2026-0${9 - Math.floor(i / 4)}-0${1 + (i % 4)}T00:00:00Z`), end: at('2026-10-01T00:00:00Z') },
      target,
      count: c === 'x' ? 1 : 4,
      met: c === 'o',
    }));

  it('offers a smaller target after three misses running, near what was managed', () => {
    expect(targetOffer(outcomes('xxx'), 3)).toMatchObject({ kind: 'smaller', from: 3, to: 1 });
    expect(targetOffer(outcomes('xxo'), 3)).toBeUndefined();
    expect(targetOffer(outcomes('xx'), 3)).toBeUndefined();
  });

  it('offers no smaller target once this period has already met the goal', () => {
    expect(targetOffer(outcomes('xxx'), 3, 2)).toMatchObject({ kind: 'smaller' });
    expect(targetOffer(outcomes('xxx'), 3, 3)).toBeUndefined();
  });

  it('offers a bigger target after three hits running', () => {
    expect(targetOffer(outcomes('ooo'), 3)).toMatchObject({ kind: 'bigger', from: 3, to: 4 });
  });

  it('offers nothing beyond the limits of 1 and 100', () => {
    expect(targetOffer(outcomes('xxx', 1), 1)).toBeUndefined();
    expect(targetOffer(outcomes('ooo', 100), 100)).toBeUndefined();
  });

  it('keeps the same key while the run goes on, so a declined offer stays declined', () => {
    const run = outcomes('xxxo');
    const oneMoreMiss = [{ ...run[0]!, range: { start: at('2026-12-01T00:00:00Z'), end: at('2026-12-08T00:00:00Z') } }, ...run];
    const before = targetOffer(run, 3);
    expect(before?.key).toBe(`smaller:${run[2]!.range.start.toISOString()}`);
    expect(targetOffer(oneMoreMiss, 3)?.key).toBe(before?.key);
    // After a hit the next run of misses is a new run, with a new key.
    const newRun = outcomes('xxxoxxx');
    expect(targetOffer(newRun, 3)?.key).not.toBe(targetOffer(newRun.slice(4), 3)?.key);
  });

  it('draws progress bars that fill to the target and no further', () => {
    expect(progressBar(0, 4)).toBe('▱▱▱▱▱▱▱▱▱▱');
    expect(progressBar(2, 4)).toBe('▰▰▰▰▰▱▱▱▱▱');
    expect(progressBar(9, 4)).toBe('▰▰▰▰▰▰▰▰▰▰');
  });
});
