import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  epochDayOf,
  formatLocalDate,
  isLeapYear,
  isoWeekOf,
  localDateOfEpochDay,
  parseLocalDate,
  weekdayOf,
  type LocalDate,
} from '../../src/domain/time.js';

const DAY_MS = 86_400_000;
const date = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const fromUtc = (d: Date): LocalDate => date(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const epochDays = fc.integer({ min: epochDayOf(date(1900, 1, 1)), max: epochDayOf(date(2200, 12, 31)) });

// Reference ISO week, computed differently: week 1 is the week holding 4 January (via Date).
function referenceIsoWeek(d: LocalDate): { year: number; week: number } {
  const ms = Date.UTC(d.year, d.month - 1, d.day);
  const mondayOfWeek1 = (year: number): number => {
    const jan4 = Date.UTC(year, 0, 4);
    return jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  };
  let year = d.year + 1;
  while (mondayOfWeek1(year) > ms) year -= 1;
  return { year, week: Math.floor((ms - mondayOfWeek1(year)) / (7 * DAY_MS)) + 1 };
}

// A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
function isLongIsoYear(year: number): boolean {
  const jan1 = weekdayOf(date(year, 1, 1));
  return jan1 === 4 || (jan1 === 3 && isLeapYear(year));
}

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(date(2026, 1, 31), 1)).toEqual(date(2026, 2, 1));
    expect(addDays(date(2024, 2, 28), 1)).toEqual(date(2024, 2, 29));
    expect(addDays(date(2100, 2, 28), 1)).toEqual(date(2100, 3, 1));
    expect(addDays(date(2026, 12, 31), 1)).toEqual(date(2027, 1, 1));
    expect(addDays(date(2026, 3, 1), -1)).toEqual(date(2026, 2, 28));
  });

  it('refuses to add a fraction of a day', () => {
    expect(() => addDays(date(2026, 1, 1), 0.5)).toThrow(RangeError);
  });

  it('compares dates and counts the days between them', () => {
    expect(compareLocalDates(date(2026, 1, 1), date(2026, 1, 2))).toBe(-1);
    expect(compareLocalDates(date(2026, 1, 2), date(2026, 1, 2))).toBe(0);
    expect(compareLocalDates(date(2027, 1, 1), date(2026, 12, 31))).toBe(1);
    expect(daysBetween(date(2026, 1, 1), date(2027, 1, 1))).toBe(365);
    expect(daysBetween(date(2024, 3, 1), date(2024, 2, 1))).toBe(-29);
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(weekdayOf(date(2026, 3, 9))).toBe(1);
    expect(weekdayOf(date(2026, 3, 8))).toBe(7);
    expect(weekdayOf(date(1970, 1, 1))).toBe(4);
  });

  it('agrees with Date on epoch days, weekdays and day arithmetic', () => {
    fc.assert(
      fc.property(epochDays, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const d = localDateOfEpochDay(day);
        const utc = new Date(day * DAY_MS);
        expect(d).toEqual(fromUtc(utc));
        expect(epochDayOf(d)).toBe(day);
        expect(weekdayOf(d)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
        expect(addDays(d, n)).toEqual(fromUtc(new Date((day + n) * DAY_MS)));
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(compareLocalDates(d, addDays(d, n))).toBe(n === 0 ? 0 : -Math.sign(n));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parsing and formatting dates', () => {
  it('parses strict YYYY-MM-DD', () => {
    expect(parseLocalDate('2026-03-08')).toEqual(date(2026, 3, 8));
    expect(parseLocalDate('2024-02-29')).toEqual(date(2024, 2, 29));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', '2025-02-29', '26-01-01', '2026-01-01T00:00', ' 2026-01-01', '2026/01/01', ''])(
    'rejects %j',
    (s) => {
      expect(parseLocalDate(s)).toBeNull();
    },
  );

  it('formats with zero padding and round-trips through parsing', () => {
    expect(formatLocalDate(date(2026, 1, 5))).toBe('2026-01-05');
    fc.assert(
      fc.property(epochDays, (day) => {
        const d = localDateOfEpochDay(day);
        expect(parseLocalDate(formatLocalDate(d))).toEqual(d);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('ISO weeks', () => {
  it('knows 2026 and 2020 have a week 53', () => {
    expect(isoWeekOf(date(2026, 12, 31))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(date(2027, 1, 3))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(date(2027, 1, 4))).toEqual({ year: 2027, week: 1 });
    expect(isoWeekOf(date(2020, 12, 31))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(date(2021, 1, 3))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(date(2021, 1, 4))).toEqual({ year: 2021, week: 1 });
  });

  it('puts late-December days into week 1 of the next year when that week holds its Thursday', () => {
    expect(isoWeekOf(date(2024, 12, 30))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(date(2025, 12, 29))).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf(date(2025, 12, 28))).toEqual({ year: 2025, week: 52 });
  });

  it('agrees with a 4-January reference and gives week 53 only in long years', () => {
    fc.assert(
      fc.property(epochDays, (day) => {
        const d = localDateOfEpochDay(day);
        const week = isoWeekOf(d);
        expect(week).toEqual(referenceIsoWeek(d));
        expect(week.week).toBeGreaterThanOrEqual(1);
        expect(week.week).toBeLessThanOrEqual(isLongIsoYear(week.year) ? 53 : 52);
      }),
      { numRuns: 1000 },
    );
  });
});
