import { describe, expect, it } from 'vitest';
import {
  dayRange,
  localDateOf,
  localDateTimeOf,
  monthRange,
  offsetMinutesAt,
  startOfLocalDay,
  weekKey,
  weekRange,
  zonedToInstant,
  type LocalDate,
  type Range,
} from '../../src/domain/time.js';

const HOUR_MS = 3_600_000;
const at = (iso: string): Date => new Date(iso);
const date = (year: number, month: number, day: number): LocalDate => ({ year, month, day });
const hours = (range: Range): number => (range.end.getTime() - range.start.getTime()) / HOUR_MS;
const isoRange = (range: Range): [string, string] => [range.start.toISOString(), range.end.toISOString()];

describe('UTC offsets', () => {
  it.each([
    ['Asia/Kathmandu', '2026-06-01T00:00Z', 345],
    ['America/St_Johns', '2026-01-15T12:00Z', -210],
    ['America/St_Johns', '2026-07-15T12:00Z', -150],
    ['Pacific/Chatham', '2026-07-01T00:00Z', 765],
    ['Pacific/Chatham', '2026-01-01T00:00Z', 825],
    ['Australia/Lord_Howe', '2026-07-01T00:00Z', 630],
    ['Australia/Lord_Howe', '2026-01-01T00:00Z', 660],
    ['Pacific/Kiritimati', '2026-01-01T00:00Z', 840],
    ['America/New_York', '2026-03-08T06:59Z', -300],
    ['America/New_York', '2026-03-08T07:00Z', -240],
    ['Europe/London', '2026-03-29T00:59Z', 0],
    ['Europe/London', '2026-03-29T01:00Z', 60],
    ['UTC', '2026-03-29T01:00Z', 0],
  ])('%s at %s is %i minutes ahead of UTC', (tz, iso, minutes) => {
    expect(offsetMinutesAt(tz, at(iso))).toBe(minutes);
  });

  it('gives Kathmandu its older +05:30 before 1986', () => {
    expect(offsetMinutesAt('Asia/Kathmandu', at('1980-01-01T00:00Z'))).toBe(330);
  });

  it('throws on an invalid instant or zone', () => {
    expect(() => offsetMinutesAt('UTC', new Date(Number.NaN))).toThrow(RangeError);
    expect(() => offsetMinutesAt('Mars/Base', at('2026-01-01T00:00Z'))).toThrow(RangeError);
  });
});

describe('local dates and times', () => {
  it('reads the wall clock and weekday in a zone', () => {
    expect(localDateTimeOf('Asia/Kathmandu', at('2026-03-08T18:14:59Z'))).toEqual({
      year: 2026, month: 3, day: 8, hour: 23, minute: 59, second: 59, weekday: 7,
    });
    expect(localDateOf('Asia/Kathmandu', at('2026-03-08T18:15:00Z'))).toEqual(date(2026, 3, 9));
    expect(localDateTimeOf('America/New_York', at('2026-01-01T04:59:59.999Z')).hour).toBe(23);
    expect(localDateTimeOf('Pacific/Kiritimati', at('2026-01-01T00:00Z'))).toMatchObject({ day: 1, hour: 14 });
  });
});

describe('wall time to instant', () => {
  it('converts ordinary wall times in quarter- and half-hour zones', () => {
    expect(zonedToInstant('Asia/Kathmandu', date(2026, 3, 9), 9, 0).toISOString()).toBe('2026-03-09T03:15:00.000Z');
    expect(zonedToInstant('America/St_Johns', date(2026, 1, 1), 0, 30).toISOString()).toBe('2026-01-01T04:00:00.000Z');
    expect(zonedToInstant('Pacific/Chatham', date(2026, 7, 1), 12, 45).toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('moves a wall time in a spring-forward gap to the first minute after it', () => {
    const instant = zonedToInstant('America/New_York', date(2026, 3, 8), 2, 30);
    expect(instant.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(localDateTimeOf('America/New_York', instant)).toMatchObject({ hour: 3, minute: 0 });
    expect(zonedToInstant('Europe/London', date(2026, 3, 29), 1, 15).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('moves a wall time on a day the zone skipped whole to the first instant after it', () => {
    // Apia jumped from 2011-12-29 23:59:59 (−10:00) to 2011-12-31 00:00 (+14:00).
    expect(zonedToInstant('Pacific/Apia', date(2011, 12, 30), 9, 0).toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });

  it('handles Lord Howe’s 30-minute gap and overlap', () => {
    // DST starts 2026-10-04 02:00 → 02:30 (+10:30 → +11) and ends 2026-04-05 02:00 → 01:30.
    expect(zonedToInstant('Australia/Lord_Howe', date(2026, 10, 4), 2, 10).toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(zonedToInstant('Australia/Lord_Howe', date(2026, 4, 5), 1, 45).toISOString()).toBe('2026-04-04T14:45:00.000Z');
  });

  it('picks the earlier instant for a wall time that happens twice', () => {
    const instant = zonedToInstant('America/New_York', date(2026, 11, 1), 1, 30);
    expect(instant.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(offsetMinutesAt('America/New_York', instant)).toBe(-240);
    expect(zonedToInstant('Europe/London', date(2026, 10, 25), 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('rejects hours and minutes outside a day', () => {
    expect(() => zonedToInstant('UTC', date(2026, 1, 1), 24, 0)).toThrow(RangeError);
    expect(() => zonedToInstant('UTC', date(2026, 1, 1), 12, 60)).toThrow(RangeError);
    expect(() => zonedToInstant('UTC', date(2026, 1, 1), 1.5, 0)).toThrow(RangeError);
  });

  it('handles Chatham’s +12:45 / +13:45 transitions', () => {
    // DST starts 2026-09-27 02:45 → 03:45 and ends 2026-04-05 03:45 → 02:45.
    expect(zonedToInstant('Pacific/Chatham', date(2026, 9, 27), 3, 0).toISOString()).toBe('2026-09-26T14:00:00.000Z');
    expect(zonedToInstant('Pacific/Chatham', date(2026, 4, 5), 3, 0).toISOString()).toBe('2026-04-04T13:15:00.000Z');
  });
});

describe('start of a local day', () => {
  it('is local midnight on an ordinary day', () => {
    expect(startOfLocalDay('America/New_York', date(2026, 3, 8)).toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('is 01:00 where midnight is skipped', () => {
    // Chile springs forward at 24:00 → 01:00; Beirut did at 00:00 until 2023.
    const santiago = startOfLocalDay('America/Santiago', date(2026, 9, 6));
    expect(localDateTimeOf('America/Santiago', santiago)).toMatchObject({ day: 6, hour: 1, minute: 0 });
    const beirut = startOfLocalDay('Asia/Beirut', date(2022, 3, 27));
    expect(localDateTimeOf('Asia/Beirut', beirut)).toMatchObject({ day: 27, hour: 1, minute: 0 });
  });

  it('starts the day at the second midnight where the clock fell back across midnight', () => {
    // Until 2011 St John's fell back at 00:01 NDT to 23:01 NST, so 28 Oct 1990 began twice.
    const fallBack = at('1990-10-28T02:31Z');
    expect(localDateTimeOf('America/St_Johns', fallBack)).toMatchObject({ day: 27, hour: 23, minute: 1 });
    const sunday = startOfLocalDay('America/St_Johns', date(1990, 10, 28));
    expect(sunday.toISOString()).toBe('1990-10-28T03:30:00.000Z');
    expect(zonedToInstant('America/St_Johns', date(1990, 10, 28), 0, 0).toISOString()).toBe('1990-10-28T02:30:00.000Z');
    // The minute that first showed Sunday is counted in Saturday, which the clock returns to.
    const saturday = dayRange('America/St_Johns', at('1990-10-28T02:30:30Z'));
    expect(isoRange(saturday)).toEqual(['1990-10-27T02:30:00.000Z', '1990-10-28T03:30:00.000Z']);
    expect(weekKey('America/St_Johns', at('1990-10-28T02:30:30Z'))).toBe('1990-W43');
  });

  it('skips to the next day for a date a zone never had', () => {
    // Kiribati's Line Islands jumped from UTC−10 to UTC+14, skipping 31 December 1994.
    const range = dayRange('Pacific/Kiritimati', at('1994-12-30T12:00Z'));
    expect(localDateOf('Pacific/Kiritimati', range.end)).toEqual(date(1995, 1, 1));
    expect(hours(range)).toBe(24);
  });
});

describe('day, week and month ranges', () => {
  it('makes the spring-forward day 23 hours and the fall-back day 25', () => {
    expect(hours(dayRange('America/New_York', at('2026-03-08T12:00Z')))).toBe(23);
    expect(hours(dayRange('America/New_York', at('2026-11-01T12:00Z')))).toBe(25);
    expect(hours(dayRange('Australia/Lord_Howe', at('2026-10-04T12:00Z')))).toBe(23.5);
  });

  it('makes a week with a spring-forward 167 hours and one with a fall-back 169', () => {
    const spring = weekRange('America/New_York', at('2026-03-08T12:00Z'));
    expect(isoRange(spring)).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(hours(spring)).toBe(167);
    const autumn = weekRange('Europe/London', at('2026-10-25T12:00Z'));
    expect(isoRange(autumn)).toEqual(['2026-10-18T23:00:00.000Z', '2026-10-26T00:00:00.000Z']);
    expect(hours(autumn)).toBe(169);
  });

  it('starts weeks on Monday at local midnight, including the Monday instant itself', () => {
    const monday = at('2026-03-09T04:00Z');
    expect(weekRange('America/New_York', monday).start).toEqual(monday);
    const sunday = at('2026-03-09T03:59:59.999Z');
    expect(weekRange('America/New_York', sunday).end).toEqual(monday);
  });

  it('places an instant in the week of its local date, not its UTC date', () => {
    // Monday 00:30 in Kathmandu is still Sunday in UTC.
    const instant = zonedToInstant('Asia/Kathmandu', date(2026, 3, 9), 0, 30);
    expect(weekRange('Asia/Kathmandu', instant).start.toISOString()).toBe('2026-03-08T18:15:00.000Z');
    expect(weekRange('UTC', instant).start.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it('spans a local calendar month', () => {
    const march = monthRange('Europe/London', at('2026-03-15T12:00Z'));
    expect(isoRange(march)).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z']);
    const december = monthRange('Pacific/Auckland', at('2026-12-31T12:00Z'));
    expect(isoRange(december)).toEqual(['2026-12-31T11:00:00.000Z', '2027-01-31T11:00:00.000Z']);
  });
});

describe('week keys', () => {
  it('names the local week in ISO form, including week 53', () => {
    expect(weekKey('UTC', at('2026-12-31T12:00Z'))).toBe('2026-W53');
    expect(weekKey('UTC', at('2027-01-03T23:59Z'))).toBe('2026-W53');
    expect(weekKey('UTC', at('2027-01-04T00:00Z'))).toBe('2027-W01');
    expect(weekKey('UTC', at('2021-01-03T12:00Z'))).toBe('2020-W53');
  });

  it('uses the local date, so the same instant can be in different weeks', () => {
    const instant = at('2027-01-03T20:00Z');
    expect(weekKey('America/Los_Angeles', instant)).toBe('2026-W53');
    expect(weekKey('Pacific/Auckland', instant)).toBe('2027-W01');
  });
});
