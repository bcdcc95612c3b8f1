import { Temporal } from 'temporal-polyfill';
import { addDays, formatIsoWeek, isoWeekOf, mondayOf, plainDateOf, type LocalDate } from './time-calendar.js';

export * from './time-calendar.js';
export * from './timezones.js';
export * from './timezone-input.js';

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

const NS_PER_MINUTE = 60e9;

function epochMsOf(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return ms;
}

function zonedAt(tz: string, epochMs: number): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(tz);
}

const dateOf = (zoned: Temporal.ZonedDateTime): Date => new Date(zoned.epochMilliseconds);

/**
 * Local time minus UTC, in minutes (345 for Asia/Kathmandu, 765 or 825 for Pacific/Chatham).
 * Fractional only for zones whose offset had seconds (Africa/Monrovia before 1972).
 */
export function offsetMinutesAt(tz: string, instant: Date): number {
  return zonedAt(tz, epochMsOf(instant)).offsetNanoseconds / NS_PER_MINUTE;
}

export function localDateOf(tz: string, instant: Date): LocalDate {
  const { year, month, day } = zonedAt(tz, epochMsOf(instant));
  return { year, month, day };
}

export function localDateTimeOf(tz: string, instant: Date): LocalDateTime {
  const { year, month, day, hour, minute, second, dayOfWeek } = zonedAt(tz, epochMsOf(instant));
  return { year, month, day, hour, minute, second, weekday: dayOfWeek };
}

/**
 * Wall time in a zone → instant. A time skipped by a DST gap gives the first instant after the gap
 * (02:30 on New York's spring-forward day → 03:00); a time that happens twice gives the earlier one.
 */
export function zonedToInstant(tz: string, date: LocalDate, hour = 0, minute = 0): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Not a wall time: ${hour}:${minute}`);
  }
  const wall = plainDateOf(date).toPlainDateTime({ hour, minute });
  const earlier = wall.toZonedDateTime(tz, { disambiguation: 'earlier' });
  // Same day too: Apia skipped all of 2011-12-30, a 24-hour gap.
  if (earlier.hour === hour && earlier.minute === minute && earlier.day === wall.day) return dateOf(earlier);
  // Skipped: 'earlier' lands before the gap, so the next transition is where the clock jumps over it.
  return dateOf(earlier.getTimeZoneTransition('next') ?? earlier);
}

/**
 * The first instant of a local day: 01:00 on days whose midnight is skipped, and the later
 * midnight where the clock fell back across it (St John's until 2011 went 00:01 → 23:01), so days
 * never overlap.
 */
export function startOfLocalDay(tz: string, date: LocalDate): Date {
  const key = `${tz}|${date.year}|${date.month}|${date.day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = firstInstantOfDay(tz, plainDateOf(date));
    // Keyed by the strings as given, so guard against callers passing endless spellings.
    if (dayStarts.size >= MAX_CACHED_DAY_STARTS) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

// Every week, day and month range starts and ends at one of these, and zone rules do not change while running.
const dayStarts = new Map<string, number>();
const MAX_CACHED_DAY_STARTS = 20_000;

function firstInstantOfDay(tz: string, day: Temporal.PlainDate): number {
  // Temporal's start of day: the earlier midnight, or the gap's end when midnight is skipped.
  const first = day.toZonedDateTime(tz);
  if (first.hour !== 0 || first.minute !== 0 || first.second !== 0) return first.epochMilliseconds;
  const later = day.toPlainDateTime().toZonedDateTime(tz, { disambiguation: 'later' });
  if (later.epochMilliseconds === first.epochMilliseconds) return first.epochMilliseconds;
  // The day starts where the clock last climbs into it, not where it briefly visited.
  const justBefore = zonedAt(tz, later.epochMilliseconds - 1).toPlainDate();
  return (Temporal.PlainDate.compare(justBefore, day) < 0 ? later : first).epochMilliseconds;
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
  return rangeBetween(tz, first, addDays(first, plainDateOf(first).daysInMonth));
}

/** 'YYYY-Www' of the local Monday-start week holding the instant, e.g. '2026-W53'. */
export function weekKey(tz: string, instant: Date): string {
  return formatIsoWeek(isoWeekOf(dayHolding(tz, epochMsOf(instant)).date));
}
