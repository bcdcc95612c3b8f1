import { describe, expect, it } from 'vitest';
import { chooseRemembrance, describeAgo, sameDayMonthsBefore, type RememberCandidate } from '../../src/domain/remember.js';

const KTM = 'Asia/Kathmandu'; // UTC+05:45, so local dates differ from UTC ones in the evening
// 26 Nov 2026, 10:00 in Kathmandu.
const now = new Date('2026-11-26T04:15:00Z');

let nextId = 1;
const win = (occurredAt: string, rememberedAt: string | null = null): RememberCandidate => ({
  id: nextId++,
  occurredAt: new Date(occurredAt),
  rememberedAt: rememberedAt === null ? null : new Date(rememberedAt),
});
const first = () => 0;
const last = () => 0.999_999;
const choose = (wins: RememberCandidate[], random = first, at = now, timezone = KTM) =>
  chooseRemembrance(wins, { timezone, now: at, random });

describe('chooseRemembrance', () => {
  it('returns nothing when no win is older than 7 days', () => {
    expect(choose([])).toBeNull();
    expect(choose([win('2026-11-20T04:15:00Z'), win('2026-11-19T04:15:01Z')])).toBeNull();
  });

  it('counts a win from just over 7 days ago as old enough', () => {
    const old = win('2026-11-19T04:14:59Z');
    expect(choose([old])).toEqual({ kind: 'random', win: old });
  });

  it('prefers a win from a year ago today, in the member’s timezone, over everything else', () => {
    const monthAgo = win('2026-10-26T06:00:00Z');
    const random = win('2026-03-03T06:00:00Z');
    // 25 Nov 2025 19:00 UTC is already 26 Nov (00:45) in Kathmandu.
    const yearAgo = win('2025-11-25T19:00:00Z');
    expect(choose([random, monthAgo, yearAgo], last)).toEqual({ kind: 'year-ago', win: yearAgo });
  });

  it('does not treat the same UTC date as an anniversary when the local date differs', () => {
    // 26 Nov 2025 18:30 UTC is 27 Nov in Kathmandu.
    const utcOnly = win('2025-11-26T18:30:00Z');
    expect(choose([utcOnly])?.kind).toBe('random');
  });

  it('falls back to a month ago today when there is nothing from a year ago', () => {
    const monthAgo = win('2026-10-26T06:00:00Z');
    const random = win('2026-03-03T06:00:00Z');
    expect(choose([random, monthAgo], last)).toEqual({ kind: 'month-ago', win: monthAgo });
  });

  it('has no month-ago anniversary on a day the previous month did not have', () => {
    const march31 = new Date('2026-03-31T06:00:00Z');
    const feb28 = win('2026-02-28T06:00:00Z');
    expect(choose([feb28], first, march31)?.kind).toBe('random');
  });

  it('picks among several anniversary wins with the injected randomness', () => {
    const a = win('2025-11-26T01:00:00Z');
    const b = win('2025-11-26T09:00:00Z');
    expect(choose([a, b], first)?.win).toBe(a);
    expect(choose([a, b], last)?.win).toBe(b);
  });

  it('skips an anniversary already brought back in the last 30 days', () => {
    const yearAgo = win('2025-11-26T06:00:00Z', '2026-11-26T03:00:00Z');
    const monthAgo = win('2026-10-26T06:00:00Z');
    expect(choose([yearAgo, monthAgo])).toEqual({ kind: 'month-ago', win: monthAgo });
  });

  it('picks a random old win with the injected randomness, never one shown in the last 30 days', () => {
    const shownLately = win('2026-01-05T06:00:00Z', '2026-10-28T04:15:00Z');
    const a = win('2026-02-05T06:00:00Z');
    const shownLongAgo = win('2026-04-05T06:00:00Z', '2026-10-26T04:14:59Z');
    const pool = [shownLately, a, shownLongAgo];
    expect(choose(pool, first)).toEqual({ kind: 'random', win: a });
    expect(choose(pool, last)).toEqual({ kind: 'random', win: shownLongAgo });
    // A random source that returns exactly 1 must not fall off the end.
    expect(choose(pool, () => 1)?.win).toBe(shownLongAgo);
  });

  it('brings back the win seen longest ago once every old win was shown lately', () => {
    const seenYesterday = win('2026-02-05T06:00:00Z', '2026-11-25T04:00:00Z');
    const seenLastWeek = win('2026-04-05T06:00:00Z', '2026-11-19T04:00:00Z');
    expect(choose([seenYesterday, seenLastWeek])).toEqual({ kind: 'again', win: seenLastWeek });
  });

  it('works the same in UTC, where the day boundary is midnight UTC', () => {
    const at = new Date('2026-11-26T00:30:00Z');
    const yearAgo = win('2025-11-26T23:59:00Z');
    const dayBefore = win('2025-11-25T23:59:00Z');
    expect(choose([dayBefore, yearAgo], first, at, 'UTC')).toEqual({ kind: 'year-ago', win: yearAgo });
  });
});

describe('sameDayMonthsBefore', () => {
  it('steps back across a year boundary', () => {
    expect(sameDayMonthsBefore({ year: 2027, month: 1, day: 15 }, 1)).toEqual({ year: 2026, month: 12, day: 15 });
    expect(sameDayMonthsBefore({ year: 2027, month: 1, day: 15 }, 12)).toEqual({ year: 2026, month: 1, day: 15 });
  });

  it('gives nothing for a day the earlier month lacks', () => {
    expect(sameDayMonthsBefore({ year: 2026, month: 3, day: 30 }, 1)).toBeNull();
    expect(sameDayMonthsBefore({ year: 2028, month: 2, day: 29 }, 12)).toBeNull();
    expect(sameDayMonthsBefore({ year: 2028, month: 3, day: 29 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('describeAgo', () => {
  const today = { year: 2026, month: 11, day: 26 };
  it.each([
    [{ year: 2026, month: 11, day: 18 }, '8 days ago'],
    [{ year: 2026, month: 11, day: 12 }, '2 weeks ago'],
    [{ year: 2026, month: 9, day: 27 }, '8 weeks ago'],
    [{ year: 2026, month: 9, day: 26 }, '2 months ago'],
    [{ year: 2025, month: 11, day: 27 }, '11 months ago'],
    [{ year: 2024, month: 11, day: 26 }, '2 years ago'],
  ])('describes %o as "%s"', (then, expected) => {
    expect(describeAgo(then, today)).toBe(expected);
  });
});
