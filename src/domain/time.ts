import {
  addDays,
  epochDayOf,
  formatIsoWeek,
  isoWeekOf,
  localDateOfEpochDay,
  mondayOf,
  weekdayOf,
  type LocalDate,
} from './time-calendar.js';

export * from './time-calendar.js';
export * from './timezones.js';

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
}

/** Half-open: start ≤ t < end. */
export interface Range {
  start: Date;
  end: Date;
}

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
// Wider than any UTC offset (−12h … +14h), so the wall time is reached inside [wall − this, wall + this].
const SEARCH_SPAN_MS = 27 * HOUR_MS;
const MAX_CACHED_FORMATTERS = 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Keyed by the string as given, so guard against callers passing endless spellings.
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(tz, formatter);
  }
  return formatter;
}

interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(tz: string, epochMs: number): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(tz).formatToParts(epochMs)) {
    switch (part.type) {
      case 'year':
        wall.year = Number(part.value);
        break;
      case 'month':
        wall.month = Number(part.value);
        break;
      case 'day':
        wall.day = Number(part.value);
        break;
      case 'hour':
        // Some ICU builds print midnight as 24 even with h23.
        wall.hour = Number(part.value) % 24;
        break;
      case 'minute':
        wall.minute = Number(part.value);
        break;
      case 'second':
        wall.second = Number(part.value);
        break;
      default:
        break;
    }
  }
  return wall;
}

/** The local wall clock at an instant, as milliseconds since a UTC-like epoch (whole seconds). */
function wallMsAt(tz: string, epochMs: number): number {
  const w = wallClockAt(tz, epochMs);
  return epochDayOf(w) * DAY_MS + w.hour * HOUR_MS + w.minute * MINUTE_MS + w.second * SECOND_MS;
}

function offsetMsAt(tz: string, epochMs: number): number {
  return wallMsAt(tz, epochMs) - (epochMs - (((epochMs % SECOND_MS) + SECOND_MS) % SECOND_MS));
}

function epochMsOf(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** Every instant whose wall clock reads wallMs, earliest first; empty inside a DST gap. */
function instantsOfWall(tz: string, wallMs: number): number[] {
  // Offsets a day either side catch both sides of any single transition near the wall time.
  const before = offsetMsAt(tz, wallMs - DAY_MS);
  const after = offsetMsAt(tz, wallMs + DAY_MS);
  const found = matchingInstants(tz, wallMs, before === after ? [before] : [before, after]);
  if (found.length > 0 || before === after) return found;
  // Transitions closer together than a day: correct each guess by the offset it lands on.
  return matchingInstants(tz, wallMs, [wallMs - before, wallMs - after].map((guess) => offsetMsAt(tz, guess)));
}

function matchingInstants(tz: string, wallMs: number, offsets: readonly number[]): number[] {
  const candidates = [...new Set(offsets)].map((offset) => wallMs - offset);
  return candidates.filter((t) => wallMsAt(tz, t) === wallMs).sort((a, b) => a - b);
}

/** Earlier instant for a repeated wall time; the end of the gap for a skipped one. */
function instantOfWall(tz: string, wallMs: number): number {
  return instantsOfWall(tz, wallMs)[0] ?? firstInstantAfterGap(tz, wallMs);
}

function firstInstantAfterGap(tz: string, wallMs: number): number {
  // Bisect on whole seconds for the first instant whose wall clock is past wallMs: the transition.
  let lo = Math.floor((wallMs - SEARCH_SPAN_MS) / SECOND_MS);
  let hi = Math.ceil((wallMs + SEARCH_SPAN_MS) / SECOND_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMsAt(tz, mid * SECOND_MS) > wallMs) hi = mid;
    else lo = mid;
  }
  // If the wall time did exist after all (odd transition pairs), the second before is it.
  return wallMsAt(tz, lo * SECOND_MS) === wallMs ? lo * SECOND_MS : hi * SECOND_MS;
}

/**
 * Local time minus UTC, in minutes (345 for Asia/Kathmandu, 765 or 825 for Pacific/Chatham).
 * Fractional only for zones whose offset had seconds (Africa/Monrovia before 1972).
 */
export function offsetMinutesAt(tz: string, instant: Date): number {
  return offsetMsAt(tz, epochMsOf(instant)) / MINUTE_MS;
}

export function localDateOf(tz: string, instant: Date): LocalDate {
  const { year, month, day } = wallClockAt(tz, epochMsOf(instant));
  return { year, month, day };
}

export function localDateTimeOf(tz: string, instant: Date): LocalDateTime {
  const wall = wallClockAt(tz, epochMsOf(instant));
  return { ...wall, weekday: weekdayOf(wall) };
}

/**
 * Wall time in a zone → instant. A time skipped by a DST gap gives the first instant after the gap
 * (02:30 on New York's spring-forward day → 03:00); a time that happens twice gives the earlier one.
 */
export function zonedToInstant(tz: string, date: LocalDate, hour = 0, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Not a wall time: ${hour}:${minute}`);
  }
  const wallMs = epochDayOf(date) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS;
  return new Date(instantOfWall(tz, wallMs));
}

/**
 * The first instant of a local day: 01:00 on days whose midnight is skipped, and the later
 * midnight where the clock fell back across it (St John's until 2011 went 00:01 → 23:01), so days
 * never overlap.
 */
export function startOfLocalDay(tz: string, date: LocalDate): Date {
  const midnight = epochDayOf(date) * DAY_MS;
  const [first, ...later] = instantsOfWall(tz, midnight);
  if (first === undefined) return new Date(firstInstantAfterGap(tz, midnight));
  let start = first;
  // The day starts where the clock last climbs into it, not where it briefly visited.
  for (const t of later) if (wallMsAt(tz, t - SECOND_MS) < midnight) start = t;
  return new Date(start);
}

/**
 * The local day an instant is counted in: its wall-clock date, except in the minutes before the
 * clock falls back across midnight, which belong to the previous day.
 */
function dayHolding(tz: string, epochMs: number): { date: LocalDate; start: Date } {
  const shown = localDateOf(tz, new Date(epochMs));
  const start = startOfLocalDay(tz, shown);
  if (start.getTime() <= epochMs) return { date: shown, start };
  const previous = addDays(shown, -1);
  return { date: previous, start: startOfLocalDay(tz, previous) };
}

function rangeBetween(tz: string, first: LocalDate, next: LocalDate): Range {
  return { start: startOfLocalDay(tz, first), end: startOfLocalDay(tz, next) };
}

/** The local day holding the instant. */
export function dayRange(tz: string, instant: Date): Range {
  const { date, start } = dayHolding(tz, epochMsOf(instant));
  return { start, end: startOfLocalDay(tz, addDays(date, 1)) };
}

/** The local Monday-to-Monday week holding the instant (167 or 169 hours across DST changes). */
export function weekRange(tz: string, instant: Date): Range {
  const monday = mondayOf(dayHolding(tz, epochMsOf(instant)).date);
  return rangeBetween(tz, monday, addDays(monday, 7));
}

/** The local calendar month holding the instant. */
export function monthRange(tz: string, instant: Date): Range {
  const { year, month } = dayHolding(tz, epochMsOf(instant)).date;
  const first = { year, month, day: 1 };
  return rangeBetween(tz, first, localDateOfEpochDay(epochDayOf({ year, month: month + 1, day: 1 })));
}

/** 'YYYY-Www' of the local Monday-start week holding the instant, e.g. '2026-W53'. */
export function weekKey(tz: string, instant: Date): string {
  return formatIsoWeek(isoWeekOf(mondayOf(dayHolding(tz, epochMsOf(instant)).date)));
}
