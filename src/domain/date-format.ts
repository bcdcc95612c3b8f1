import { localDateOf, weekdayOf, type LocalDate } from './time.js';

// Our own names, so the words never depend on the ICU build. The one home of date wording.
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** 'Jan'… 'Dec' for month 1…12. */
export const monthAbbreviation = (month: number): string => (MONTHS[month - 1] ?? '').slice(0, 3);
/** 'Monday'… 'Sunday' for ISO weekday 1…7. */
export const weekdayWord = (isoWeekday: number): string => WEEKDAYS[isoWeekday - 1] ?? '';

/** '23 November 2026'. */
export function formatDayMonthYear(date: LocalDate): string {
  return `${date.day} ${MONTHS[date.month - 1] ?? ''} ${date.year}`;
}

/** 'Thursday 12 March 2026'. */
export function formatWeekdayDate(date: LocalDate): string {
  return `${weekdayWord(weekdayOf(date))} ${formatDayMonthYear(date)}`;
}

/** 'Thu 26 Nov', with the year when asked; an instant is read in the member's timezone. */
export function formatShortDate(timezone: string, instant: Date, withYear: boolean): string {
  const d = localDateOf(timezone, instant);
  const text = `${weekdayWord(weekdayOf(d)).slice(0, 3)} ${d.day} ${monthAbbreviation(d.month)}`;
  return withYear ? `${text} ${d.year}` : text;
}

/** The dates a recap names: "30 Nov – 6 Dec", the year shown only when the span crosses one ("28 Dec 2026 – 3 Jan 2027"). */
export function formatDateSpan(first: LocalDate, last: LocalDate): string {
  const short = (d: LocalDate) => `${d.day} ${monthAbbreviation(d.month)}`;
  if (first.year !== last.year) return `${short(first)} ${first.year} – ${short(last)} ${last.year}`;
  if (first.month === last.month && first.day === last.day) return short(first);
  return `${short(first)} – ${short(last)}`;
}
