import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ghostWeek,
  isPausedAt,
  pausedWeeksOf,
  progressFigures,
  repairableWeek,
  usualWeek,
  weekCountsOf,
  weeklyStreaks,
  type WeekHistory,
} from '../../src/domain/streaks.js';
import { addDays, formatLocalDate, parseLocalDate } from '../../src/domain/time.js';

const date = (s: string) => parseLocalDate(s) ?? expect.unreachable(`bad date ${s}`);
const mondayBefore = (monday: string, weeks: number) => formatLocalDate(addDays(date(monday), -7 * weeks));

// Monday 23 Nov 2026 is the current week in most cases below.
const CURRENT = '2026-11-23';

function history(weeks: Record<string, number>, opts: { paused?: string[]; current?: string } = {}): WeekHistory {
  return {
    weeks: new Map(Object.entries(weeks)),
    pausedWeeks: new Set(opts.paused ?? []),
    currentWeek: date(opts.current ?? CURRENT),
  };
}

/** Weeks counted back from the current one: back(0) is this week, back(1) last week. */
const back = (n: number) => mondayBefore(CURRENT, n);

describe('weekCountsOf', () => {
  it('adds up days into their Monday-start weeks', () => {
    const days = new Map([
      ['2026-11-23', 2],
      ['2026-11-29', 1],
      ['2026-11-30', 4],
    ]);
    expect(weekCountsOf(days)).toEqual(new Map([['2026-11-23', 3], ['2026-11-30', 4]]));
  });

  it('keeps a week across New Year together, ISO week 53 included', () => {
    // 2026-12-28 … 2027-01-03 is ISO 2026-W53.
    const days = new Map([
      ['2026-12-28', 1],
      ['2026-12-31', 1],
      ['2027-01-03', 1],
      ['2027-01-04', 1],
    ]);
    expect(weekCountsOf(days)).toEqual(new Map([['2026-12-28', 3], ['2027-01-04', 1]]));
  });
});

describe('weeklyStreaks', () => {
  it('is zero for a member without wins', () => {
    expect(weeklyStreaks(history({}))).toMatchObject({ current: 0, best: 0 });
  });

  it('counts consecutive weeks with a win, the current week included', () => {
    expect(weeklyStreaks(history({ [back(2)]: 1, [back(1)]: 5, [back(0)]: 1 }))).toMatchObject({ current: 3, best: 3 });
  });

  it('does not break the streak while the current week is still empty', () => {
    expect(weeklyStreaks(history({ [back(2)]: 1, [back(1)]: 2 }))).toMatchObject({ current: 2, best: 2 });
  });

  it('breaks the streak at a past week without wins, and remembers the best run', () => {
    const h = history({ [back(7)]: 1, [back(6)]: 1, [back(5)]: 1, [back(4)]: 1, [back(2)]: 3, [back(1)]: 1 });
    expect(weeklyStreaks(h)).toMatchObject({ current: 2, best: 4 });
  });

  it('tells a run that only ties the best apart from one that beats it', () => {
    const tie = history({ [back(5)]: 1, [back(4)]: 1, [back(1)]: 1, [back(0)]: 1 });
    expect(weeklyStreaks(tie)).toEqual({ current: 2, best: 2, bestBefore: 2 });
    const beaten = history({ [back(5)]: 1, [back(4)]: 1, [back(2)]: 1, [back(1)]: 1, [back(0)]: 1 });
    expect(weeklyStreaks(beaten)).toEqual({ current: 3, best: 3, bestBefore: 2 });
  });

  it('is zero when last week had no win and this week has none yet', () => {
    expect(weeklyStreaks(history({ [back(3)]: 2, [back(2)]: 2 }))).toMatchObject({ current: 0, best: 2 });
  });

  it('skips a paused week without wins: it neither breaks nor extends the streak', () => {
    const h = history({ [back(3)]: 1, [back(1)]: 1, [back(0)]: 1 }, { paused: [back(2)] });
    expect(weeklyStreaks(h)).toMatchObject({ current: 3, best: 3 });
  });

  it('freezes the streak over a pause of several weeks that is still running', () => {
    const h = history({ [back(5)]: 1, [back(4)]: 2 }, { paused: [back(3), back(2), back(1), back(0)] });
    expect(weeklyStreaks(h)).toMatchObject({ current: 2, best: 2 });
  });

  it('counts a win logged during a pause', () => {
    const h = history({ [back(2)]: 1, [back(1)]: 1 }, { paused: [back(1)] });
    expect(weeklyStreaks(h)).toMatchObject({ current: 2, best: 2 });
  });

  it('still breaks at an empty week that no pause touched', () => {
    const h = history({ [back(4)]: 1, [back(2)]: 1, [back(1)]: 1 }, { paused: [back(3)] });
    expect(weeklyStreaks(h)).toMatchObject({ current: 3, best: 3 });
    const broken = history({ [back(4)]: 1, [back(2)]: 1, [back(1)]: 1 }, { paused: [back(5)] });
    expect(weeklyStreaks(broken)).toMatchObject({ current: 2, best: 2 });
  });

  it('runs across New Year and ISO week 53 without a gap', () => {
    const h = history({ '2026-12-21': 1, '2026-12-28': 1, '2027-01-04': 2 }, { current: '2027-01-11' });
    expect(weeklyStreaks(h)).toMatchObject({ current: 3, best: 3 });
    const leap = history({ '2020-12-21': 1, '2020-12-28': 1, '2021-01-04': 1 }, { current: '2021-01-04' });
    expect(weeklyStreaks(leap)).toMatchObject({ current: 3, best: 3 });
  });

  it('ignores weeks after the current one', () => {
    expect(weeklyStreaks(history({ [mondayBefore(CURRENT, -1)]: 3 }))).toMatchObject({ current: 0, best: 0 });
  });

  it('keeps best ≥ current and never lowers either when a win lands this week', () => {
    const weekArb = fc.dictionary(fc.integer({ min: 0, max: 30 }).map(back), fc.integer({ min: 0, max: 4 }));
    const pausedArb = fc.array(fc.integer({ min: 0, max: 30 }).map(back), { maxLength: 6 });
    fc.assert(
      fc.property(weekArb, pausedArb, (weeks, paused) => {
        const before = weeklyStreaks(history(weeks, { paused }));
        const after = weeklyStreaks(history({ ...weeks, [back(0)]: (weeks[back(0)] ?? 0) + 1 }, { paused }));
        expect(before.best).toBeGreaterThanOrEqual(before.current);
        expect(before.current).toBeLessThanOrEqual(Object.values(weeks).filter((n) => n > 0).length);
        expect(after.current).toBeGreaterThanOrEqual(before.current);
        expect(after.best).toBeGreaterThanOrEqual(before.best);
      }),
    );
  });
});

describe('usualWeek', () => {
  it('averages the four weeks before this one, leaving this week out', () => {
    const h = history({ [back(5)]: 9, [back(4)]: 2, [back(3)]: 3, [back(2)]: 1, [back(1)]: 4, [back(0)]: 7 });
    expect(usualWeek(h)).toBe(2.5);
  });

  it('counts a quiet week that was not paused as zero', () => {
    expect(usualWeek(history({ [back(5)]: 1, [back(4)]: 4, [back(2)]: 2, [back(1)]: 2 }))).toBe(2);
  });

  it('leaves out quiet weeks spent on pause', () => {
    const h = history({ [back(5)]: 1, [back(4)]: 4, [back(2)]: 2, [back(1)]: 3 }, { paused: [back(3)] });
    expect(usualWeek(h)).toBe(3);
  });

  it('only counts weeks since the member’s first win', () => {
    expect(usualWeek(history({ [back(2)]: 3, [back(1)]: 1, [back(0)]: 2 }))).toBe(2);
  });

  it('has no usual yet in the first week', () => {
    expect(usualWeek(history({ [back(0)]: 2 }))).toBeNull();
    expect(usualWeek(history({}))).toBeNull();
  });
});

describe('ghostWeek', () => {
  it('is the best past week, the current week left out', () => {
    const h = history({ [back(9)]: 3, [back(6)]: 7, [back(1)]: 2, [back(0)]: 9 });
    expect(ghostWeek(h)).toEqual({ monday: back(6), wins: 7 });
  });

  it('picks the earliest of equally good weeks', () => {
    expect(ghostWeek(history({ [back(2)]: 4, [back(8)]: 4, [back(5)]: 4 }))).toEqual({ monday: back(8), wins: 4 });
  });

  it('does not exist before a first full week', () => {
    expect(ghostWeek(history({ [back(0)]: 5 }))).toBeNull();
  });

  it('summarises this week, usual, streaks and ghost together', () => {
    const h = history({ [back(3)]: 7, [back(2)]: 2, [back(1)]: 3, [back(0)]: 4 });
    expect(progressFigures(h)).toEqual({
      thisWeek: 4,
      usual: 4,
      streaks: { current: 4, best: 4, bestBefore: 0 },
      ghost: { monday: back(3), wins: 7 },
      repairs: 0,
    });
  });
});

describe('repairableWeek and repaired weeks in a streak', () => {
  const withRepairs = (h: WeekHistory, repaired: string[]): WeekHistory => ({ ...h, repairedWeeks: new Set(repaired) });

  it('offers last week when it was empty and the week before had a win', () => {
    expect(repairableWeek(history({ [back(3)]: 1, [back(2)]: 2 }))).toBe(back(1));
    expect(repairableWeek(history({ [back(2)]: 2, [back(0)]: 1 }))).toBe(back(1));
  });

  it('offers nothing after a week with wins, two empty weeks, a paused week or a repaired one', () => {
    expect(repairableWeek(history({ [back(2)]: 1, [back(1)]: 1 }))).toBeUndefined();
    expect(repairableWeek(history({ [back(3)]: 1 }))).toBeUndefined();
    expect(repairableWeek(history({ [back(2)]: 1 }, { paused: [back(1)] }))).toBeUndefined();
    expect(repairableWeek(withRepairs(history({ [back(2)]: 1 }), [back(1)]))).toBeUndefined();
  });

  it('offers at most one repair per 8 weeks', () => {
    const h = history({ [back(2)]: 1 });
    expect(repairableWeek(withRepairs(h, [back(8)]))).toBeUndefined();
    expect(repairableWeek(withRepairs(h, [back(9)]))).toBe(back(1));
  });

  it('lets a repaired week carry the run without counting it, and says how many it bridged', () => {
    const h = withRepairs(history({ [back(3)]: 1, [back(2)]: 1, [back(0)]: 1 }), [back(1)]);
    expect(weeklyStreaks(h)).toEqual({ current: 3, best: 3, bestBefore: 0, repairedInRun: 1 });
    const broken = history({ [back(3)]: 1, [back(2)]: 1, [back(0)]: 1 });
    expect(weeklyStreaks(broken)).toEqual({ current: 1, best: 2, bestBefore: 2 });
  });
});

describe('pausedWeeksOf', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('marks every week a pause touches', () => {
    const pauses = [{ start: at('2026-11-04T10:00:00Z'), end: at('2026-11-17T10:00:00Z') }];
    expect([...pausedWeeksOf('UTC', pauses, now)]).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  it('does not mark the week a pause ends on at its first instant', () => {
    const pauses = [{ start: at('2026-11-04T10:00:00Z'), end: at('2026-11-09T00:00:00Z') }];
    expect([...pausedWeeksOf('UTC', pauses, now)]).toEqual(['2026-11-02']);
  });

  it('runs an open pause until now', () => {
    expect([...pausedWeeksOf('UTC', [{ start: at('2026-11-12T00:00:00Z'), end: null }], now)]).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('uses the member’s weeks: Sunday evening in UTC is already Monday in Kathmandu', () => {
    const pauses = [{ start: at('2026-11-15T20:00:00Z'), end: at('2026-11-15T22:00:00Z') }];
    expect([...pausedWeeksOf('UTC', pauses, now)]).toEqual(['2026-11-09']);
    expect([...pausedWeeksOf('Asia/Kathmandu', pauses, now)]).toEqual(['2026-11-16']);
  });

  it('finds week boundaries across a daylight-saving change', () => {
    // Berlin springs forward on Sunday 29 March 2026; the next Monday starts at 22:00 UTC on Sunday.
    const pauses = [{ start: at('2026-03-28T12:00:00Z'), end: at('2026-03-29T22:00:00Z') }];
    expect([...pausedWeeksOf('Europe/Berlin', pauses, now)]).toEqual(['2026-03-23']);
    const oneMore = [{ start: at('2026-03-28T12:00:00Z'), end: at('2026-03-29T22:00:01Z') }];
    expect([...pausedWeeksOf('Europe/Berlin', oneMore, now)]).toEqual(['2026-03-23', '2026-03-30']);
  });

  it('ignores a pause that ended as it started', () => {
    expect(pausedWeeksOf('UTC', [{ start: now, end: now }], now).size).toBe(0);
  });

  it('tells whether a pause covers an instant', () => {
    const pauses = [{ start: at('2026-11-01T00:00:00Z'), end: at('2026-11-10T00:00:00Z') }];
    expect(isPausedAt(pauses, at('2026-11-09T23:59:59Z'))).toBe(true);
    expect(isPausedAt(pauses, at('2026-11-10T00:00:00Z'))).toBe(false);
    expect(isPausedAt([{ start: at('2026-11-01T00:00:00Z'), end: null }], now)).toBe(true);
  });
});
