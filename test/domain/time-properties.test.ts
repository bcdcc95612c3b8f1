import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dayRange,
  epochDayOf,
  isValidTimeZone,
  localDateOf,
  localDateOfEpochDay,
  localDateTimeOf,
  monthRange,
  offsetMinutesAt,
  startOfLocalDay,
  weekKey,
  weekRange,
  weekdayOf,
  zonedToInstant,
  type LocalDate,
} from '../../src/domain/time.js';
import { propertyRuns } from '../support/property-runs.js';

// DST in both hemispheres, half/quarter-hour offsets, midnight transitions, skipped days, 2-hour DST.
const ZONES = [
  'UTC', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles',
  'America/Anchorage', 'America/Adak', 'Pacific/Honolulu', 'America/Halifax', 'America/St_Johns', 'America/Havana',
  'America/Mexico_City', 'America/Sao_Paulo', 'America/Santiago', 'America/Asuncion', 'America/Argentina/Buenos_Aires',
  'America/Caracas', 'America/Bogota', 'America/Nuuk', 'America/Scoresbysund', 'America/Port-au-Prince',
  'Atlantic/Azores', 'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin',
  'Europe/Kyiv', 'Europe/Moscow', 'Europe/Istanbul', 'Europe/Minsk', 'Africa/Casablanca', 'Africa/Cairo',
  'Africa/Windhoek', 'Africa/Johannesburg', 'Africa/Lagos', 'Africa/Nairobi', 'Asia/Beirut', 'Asia/Jerusalem',
  'Asia/Gaza', 'Asia/Amman', 'Asia/Damascus', 'Asia/Tehran', 'Asia/Dubai', 'Asia/Kabul', 'Asia/Karachi',
  'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Dhaka', 'Asia/Yangon', 'Asia/Shanghai', 'Asia/Tokyo', 'Asia/Pyongyang',
  'Asia/Colombo', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Eucla', 'Australia/Sydney',
  'Australia/Lord_Howe', 'Australia/Perth', 'Pacific/Auckland', 'Pacific/Chatham', 'Pacific/Apia',
  'Pacific/Fakaofo', 'Pacific/Kiritimati', 'Pacific/Kwajalein', 'Pacific/Marquesas', 'Pacific/Norfolk',
  'Pacific/Fiji', 'Pacific/Tongatapu', 'Antarctica/Troll',
] as const;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Unseeded: every run of the suite tries new samples, so coverage grows run after run.
const RUNS = propertyRuns(300);
// More samples for the round trip: enough of them must land in gaps and overlaps (about 4% each).
const ROUND_TRIP_RUNS = propertyRuns(1000, 500);

const ms = (d: Date): number => d.getTime();
const before = (d: Date): Date => new Date(d.getTime() - 1);
const offsetMs = (tz: string, d: Date): number => offsetMinutesAt(tz, d) * MINUTE_MS;
// Wall-clock milliseconds, comparable across instants in one zone.
const wallMs = (tz: string, d: Date): number => d.getTime() + offsetMs(tz, d);

const transitionCache = new Map<string, number[]>();
/** Offset changes in a year, found by weekly sampling and bisection (independent of the code under test). */
function transitionsIn(tz: string, year: number): number[] {
  const key = `${tz} ${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: number[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 7 * DAY_MS) {
    let lo = t;
    let hi = t + 7 * DAY_MS;
    const offsetLo = offsetMs(tz, new Date(lo));
    if (offsetLo === offsetMs(tz, new Date(hi))) continue;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offsetMs(tz, new Date(mid)) === offsetLo) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  transitionCache.set(key, found);
  return found;
}

const zones = fc.constantFrom(...ZONES);
const years = fc.integer({ min: 1990, max: 2060 });
const uniformInstants = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((t) => new Date(t));
// Uniform instants almost never land near a DST change, so half the cases are drawn close to one.
const zonedInstants = fc.oneof(
  fc.tuple(zones, uniformInstants),
  fc
    .tuple(zones, years, fc.nat(), fc.integer({ min: -3 * DAY_MS, max: 3 * DAY_MS }))
    .map(([tz, year, pick, delta]): [string, Date] => {
      const transitions = transitionsIn(tz, year);
      const base = transitions[pick % Math.max(1, transitions.length)] ?? Date.UTC(year, 6, 1);
      return [tz, new Date(base + delta)];
    }),
);
const wallTimes = (tz: string, wall: number): [string, LocalDate, number, number] => {
  const minutes = Math.floor(wall / MINUTE_MS);
  const date = localDateOfEpochDay(Math.floor(minutes / 1440));
  const minuteOfDay = minutes - epochDayOf(date) * 1440;
  return [tz, date, Math.floor(minuteOfDay / 60), minuteOfDay % 60];
};
const zonedWallTimes = fc.oneof(
  fc.tuple(
    zones,
    fc
      .integer({ min: epochDayOf({ year: 1990, month: 1, day: 2 }), max: epochDayOf({ year: 2060, month: 12, day: 30 }) })
      .map(localDateOfEpochDay),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  ),
  fc
    .tuple(zones, years, fc.nat(), fc.integer({ min: -90, max: 90 }))
    .map(([tz, year, pick, deltaMinutes]) => {
      const transitions = transitionsIn(tz, year);
      const base = transitions[pick % Math.max(1, transitions.length)] ?? Date.UTC(year, 6, 1);
      // Wall times around the change, read with the offset in force just before it.
      return wallTimes(tz, wallMs(tz, new Date(base - 1000)) + 1000 + deltaMinutes * MINUTE_MS);
    }),
);

const isMidnight = (tz: string, d: Date): boolean => {
  const { hour, minute, second } = localDateTimeOf(tz, d);
  return hour === 0 && minute === 0 && second === 0;
};
const wallOf = (date: LocalDate, hour: number, minute: number): number =>
  epochDayOf(date) * DAY_MS + (hour * 60 + minute) * MINUTE_MS;

/**
 * An instant counts in the day its clock shows, except just before the clock falls back across
 * midnight (St John's went 00:01 → 23:01 until 2011): then it counts in the day the clock returns to.
 */
function expectCountedIn(tz: string, t: Date, counted: LocalDate, end: Date): void {
  const shown = localDateOf(tz, t);
  if (daysBetween(counted, shown) === 0) return;
  expect(shown).toEqual(addDays(counted, 1));
  expect(localDateOf(tz, before(end))).toEqual(counted);
  expect(offsetMs(tz, before(end))).toBeLessThan(offsetMs(tz, t));
}

describe('time properties over real zones, 1990–2060', () => {
  it('tests at least 50 real zones', () => {
    expect(ZONES.length).toBeGreaterThanOrEqual(50);
    for (const zone of ZONES) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it('puts every instant in exactly one week, and weeks follow each other without gaps', () => {
    fc.assert(
      fc.property(zonedInstants, ([tz, t]) => {
        const week = weekRange(tz, t);
        expect(ms(week.start)).toBeLessThanOrEqual(ms(t));
        expect(ms(t)).toBeLessThan(ms(week.end));
        expect(weekRange(tz, week.start)).toEqual(week);
        expect(weekRange(tz, before(week.end))).toEqual(week);
        expect(weekRange(tz, week.end).start).toEqual(week.end);
        expect(weekRange(tz, before(week.start)).end).toEqual(week.start);
      }),
      RUNS,
    );
  });

  it('makes a week run Monday to Monday, 7 local days, off by at most the zone’s shift', () => {
    fc.assert(
      fc.property(zonedInstants, ([tz, t]) => {
        const { start, end } = weekRange(tz, t);
        const monday = localDateOf(tz, start);
        expect(weekdayOf(monday)).toBe(1);
        expect(localDateOf(tz, end)).toEqual(addDays(monday, 7));
        const length = ms(end) - ms(start);
        const offsets = [before(start), start, before(end), end].map((d) => offsetMs(tz, d));
        const shift = Math.max(...offsets) - Math.min(...offsets);
        expect(Math.abs(length - 7 * DAY_MS)).toBeLessThanOrEqual(shift);
        if (isMidnight(tz, start) && isMidnight(tz, end)) {
          expect(length).toBe(7 * DAY_MS - (offsetMs(tz, end) - offsetMs(tz, start)));
        }
      }),
      RUNS,
    );
  });

  it('makes days contiguous, each starting on the instant’s local date', () => {
    fc.assert(
      fc.property(zonedInstants, ([tz, t]) => {
        const day = dayRange(tz, t);
        const first = localDateOf(tz, day.start);
        expect(ms(day.start)).toBeLessThanOrEqual(ms(t));
        expect(ms(t)).toBeLessThan(ms(day.end));
        expect(localDateOf(tz, before(day.end))).toEqual(first);
        expectCountedIn(tz, t, first, day.end);
        expect(dayRange(tz, day.start)).toEqual(day);
        expect(dayRange(tz, before(day.end))).toEqual(day);
        expect(dayRange(tz, day.end).start).toEqual(day.end);
        const nextDate = localDateOf(tz, day.end);
        // Only a date the zone skipped (Kiritimati 1994-12-31, Apia 2011-12-30) may be jumped over.
        if (daysBetween(first, nextDate) !== 1) {
          expect(daysBetween(first, nextDate)).toBe(2);
          expect(startOfLocalDay(tz, addDays(first, 1))).toEqual(day.end);
        }
      }),
      RUNS,
    );
  });

  it('makes months contiguous, from the 1st to the 1st of the next month', () => {
    fc.assert(
      fc.property(zonedInstants, ([tz, t]) => {
        const month = monthRange(tz, t);
        const first = localDateOf(tz, month.start);
        expect(first.day).toBe(1);
        expect(ms(month.start)).toBeLessThanOrEqual(ms(t));
        expect(ms(t)).toBeLessThan(ms(month.end));
        const shown = localDateOf(tz, t);
        if (shown.month !== first.month) expectCountedIn(tz, t, addDays(shown, -1), month.end);
        else expect(shown.year).toBe(first.year);
        const next = first.month === 12 ? { year: first.year + 1, month: 1, day: 1 } : { ...first, month: first.month + 1 };
        expect(localDateOf(tz, month.end)).toEqual(next);
        expect(monthRange(tz, month.start)).toEqual(month);
        expect(monthRange(tz, month.end).start).toEqual(month.end);
      }),
      RUNS,
    );
  });

  it('round-trips wall times, choosing the earlier of repeated ones and the gap’s end for skipped ones', () => {
    const seen = { gaps: 0, overlaps: 0 };
    fc.assert(
      fc.property(zonedWallTimes, ([tz, date, hour, minute]) => {
        const result = zonedToInstant(tz, date, hour, minute);
        const wall = wallOf(date, hour, minute);
        // Every offset in use since 1990 is a whole quarter-hour between −12:00 and +14:00.
        const matches: number[] = [];
        for (let quarters = -48; quarters <= 56; quarters += 1) {
          const candidate = new Date(wall - quarters * 15 * MINUTE_MS);
          if (wallMs(tz, candidate) === wall) matches.push(ms(candidate));
        }
        if (matches.length > 1) seen.overlaps += 1;
        if (matches.length === 0) seen.gaps += 1;
        if (matches.length > 0) {
          expect(ms(result)).toBe(Math.min(...matches));
          expect(localDateTimeOf(tz, result)).toMatchObject({ ...date, hour, minute, second: 0 });
        } else {
          // Skipped: the result is the transition, where the wall clock jumps over the wall time.
          expect(wallMs(tz, result)).toBeGreaterThan(wall);
          expect(wallMs(tz, new Date(ms(result) - MINUTE_MS))).toBeLessThan(wall);
          expect(wallMs(tz, before(result))).toBeLessThan(wall);
        }
      }),
      ROUND_TRIP_RUNS,
    );
    // The generator must really exercise both kinds of transition.
    expect(seen.gaps).toBeGreaterThan(ROUND_TRIP_RUNS.numRuns / 125);
    expect(seen.overlaps).toBeGreaterThan(ROUND_TRIP_RUNS.numRuns / 125);
  });

  it('keeps one week key through a week and changes it at the next week', () => {
    fc.assert(
      fc.property(zonedInstants, ([tz, t]) => {
        const { start, end } = weekRange(tz, t);
        const key = weekKey(tz, t);
        expect(key).toMatch(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
        expect(weekKey(tz, start)).toBe(key);
        expect(weekKey(tz, before(end))).toBe(key);
        expect(weekKey(tz, end)).not.toBe(key);
        expect(weekKey(tz, before(start))).not.toBe(key);
        expect(weekKey(tz, end) > key).toBe(true);
      }),
      RUNS,
    );
  });
});
