/** A calendar date with no timezone attached. */
export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Days since 1970-01-01 (proleptic Gregorian); out-of-range days/months roll over like Date.UTC. */
export function epochDayOf(date: LocalDate): number {
  // Normalise the month first so the era arithmetic below sees 1..12 (Hinnant's days_from_civil).
  const monthIndex = date.month - 1;
  const y0 = date.year + Math.floor(monthIndex / 12);
  const m = mod(monthIndex, 12) + 1;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of {@link epochDayOf}. */
export function localDateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatLocalDate(d: LocalDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** ISO-8601 week-numbering year and week (1..53) of a date. */
export function isoWeekOf(date: LocalDate): { year: number; week: number } {
  // The week belongs to the year that holds its Thursday.
  const thursday = addDays(date, 4 - weekdayOf(date));
  const dayOfYear = daysBetween({ year: thursday.year, month: 1, day: 1 }, thursday);
  return { year: thursday.year, week: Math.floor(dayOfYear / 7) + 1 };
}

/** 'YYYY-Www', e.g. '2026-W53'. */
export function formatIsoWeek(week: { year: number; week: number }): string {
  return `${pad(week.year, 4)}-W${pad(week.week, 2)}`;
}
