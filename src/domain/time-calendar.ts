import { Temporal } from 'temporal-polyfill';

/** A calendar date with no timezone attached. */
export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const mod = (a: number, n: number): number => ((a % n) + n) % n;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

// Day counting stays on plain integers (Date's own proleptic Gregorian maths): it sits in hot loops
// where a Temporal object per step cost several times more. Calendar rules come from Temporal.

/** Days since 1970-01-01 (proleptic Gregorian); out-of-range days/months roll over like Date.UTC. */
export function epochDayOf(date: LocalDate): number {
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally.
  return Math.round(new Date(0).setUTCFullYear(date.year, date.month - 1, date.day) / DAY_MS);
}

/** Inverse of {@link epochDayOf}. */
export function localDateOfEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Temporal's date for a LocalDate (rolled over like {@link epochDayOf}). */
export function plainDateOf(date: LocalDate): Temporal.PlainDate {
  const { year, month, day } = localDateOfEpochDay(epochDayOf(date));
  return new Temporal.PlainDate(year, month, day);
}

export function localDateOfPlain(date: Temporal.PlainDate): LocalDate {
  return { year: date.year, month: date.month, day: date.day };
}

export function isLeapYear(year: number): boolean {
  return new Temporal.PlainDate(year, 1, 1).inLeapYear;
}

export function daysInMonth(year: number, month: number): number {
  return new Temporal.PlainDate(year, month, 1).daysInMonth;
}

/** Calendar arithmetic: no timezone, so always exactly n calendar days. */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return localDateOfEpochDay(epochDayOf(date) + n);
}

/** Negative if a is before b, 0 if the same day, positive if after. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(epochDayOf(a) - epochDayOf(b));
}

/** Calendar days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return epochDayOf(b) - epochDayOf(a);
}

/** 1 = Monday … 7 = Sunday (ISO-8601). */
export function weekdayOf(date: LocalDate): number {
  // 1970-01-01 was a Thursday.
  return mod(epochDayOf(date) + 3, 7) + 1;
}

/** The Monday on or before the date. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict 'YYYY-MM-DD'; null for anything else, including impossible dates like 2026-02-30. */
export function parseLocalDate(s: string): LocalDate | null {
  const match = LOCAL_DATE.exec(s);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  try {
    return localDateOfPlain(Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }));
  } catch {
    return null;
  }
}

export function formatLocalDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** ISO-8601 week-numbering year and week (1..53) of a date. */
export function isoWeekOf(date: LocalDate): { year: number; week: number } {
  const plain = plainDateOf(date);
  // Always defined in the ISO calendar, which is the only one used here.
  return { year: plain.yearOfWeek ?? plain.year, week: plain.weekOfYear ?? 1 };
}

/** 'YYYY-Www', e.g. '2026-W53'. */
export function formatIsoWeek(week: { year: number; week: number }): string {
  return `${pad(week.year, 4)}-W${pad(week.week, 2)}`;
}
