import { formatDateSpan, formatDayMonthYear, formatShortDate, monthAbbreviation, MONTHS, weekdayWord } from '../domain/date-format.js';
import { weekdayOf, type LocalDate } from '../domain/time.js';
import type { Locale } from './locales.js';

// English keeps the bot's own names (src/domain/date-format.ts); the other languages take ICU's, via Intl.
const utc = (d: LocalDate) => new Date(Date.UTC(d.year, d.month - 1, d.day, 12));
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}:${JSON.stringify(options)}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(id, found);
  }
  return found;
}

// Japanese short months are numeric ("11/30"): the long month reads better ("11月30日").
const dayMonth = (locale: Locale): Intl.DateTimeFormatOptions => ({ day: 'numeric', month: locale === 'ja' ? 'long' : 'short' });

/** The dates a recap names: "30 Nov – 6 Dec", "30. Nov. – 6. Dez.", "11月30日～12月6日"; the year only across years. */
export function dateSpanIn(locale: Locale, first: LocalDate, last: LocalDate): string {
  if (locale === 'en') return formatDateSpan(first, last);
  const options = first.year !== last.year ? { ...dayMonth(locale), year: 'numeric' as const } : dayMonth(locale);
  if (first.year === last.year && first.month === last.month && first.day === last.day) return format(locale, options).format(utc(first));
  // ICU's Japanese range pattern falls back to numbers ("11/30～12/06"): each end in words, joined as ICU joins them.
  if (locale === 'ja') return `${format(locale, options).format(utc(first))}～${format(locale, options).format(utc(last))}`;
  return format(locale, options).formatRange(utc(first), utc(last));
}

/** "23 November 2026", "23. November 2026", "2026年11月23日". */
export function dayMonthYearIn(locale: Locale, date: LocalDate): string {
  if (locale === 'en') return formatDayMonthYear(date);
  return format(locale, { dateStyle: 'long' }).format(utc(date));
}

/** 'Thu 26 Nov', 'Do., 26. Nov.', '11月26日(木)': an instant read in the member's timezone, with the year when asked. */
export function shortDateIn(locale: Locale, timezone: string, instant: Date, withYear: boolean): string {
  if (locale === 'en') return formatShortDate(timezone, instant, withYear);
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: timezone }).format(instant);
}

/** The weekday's name, ISO 1 (Monday) … 7 (Sunday), as a label starts ("Monday", "Montag", "Lundi"). */
export function weekdayNameIn(locale: Locale, isoWeekday: number): string {
  if (locale === 'en') return weekdayWord(isoWeekday);
  // 5 January 2026 is a Monday.
  const name = format(locale, { weekday: 'long' }).format(new Date(Date.UTC(2026, 0, 4 + isoWeekday, 12)));
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The month's name, 1…12 ("March", "März", "mars"). */
export function monthNameIn(locale: Locale, month: number): string {
  if (locale === 'en') return MONTHS[month - 1] ?? '';
  return format(locale, { month: 'long' }).format(new Date(Date.UTC(2026, month - 1, 15)));
}

/** A weekday with its date: "Thursday 12 March 2026", "Donnerstag, 12. März 2026". */
export function weekdayDateIn(locale: Locale, date: LocalDate): string {
  if (locale === 'en') return `${weekdayWord(weekdayOf(date))} ${formatDayMonthYear(date)}`;
  return format(locale, { dateStyle: 'full' }).format(utc(date));
}

/** A month's short name, 1…12, as a calendar labels a column ("Aug", "août", "8月"). */
export function shortMonthIn(locale: Locale, month: number): string {
  if (locale === 'en') return monthAbbreviation(month);
  return format(locale, { month: 'short' }).format(new Date(Date.UTC(2026, month - 1, 15)));
}

/** A weekday's short name, ISO 1 (Monday) … 7 (Sunday), as a calendar labels a row ("Mon", "Mo", "lun.", "月"). */
export function shortWeekdayIn(locale: Locale, isoWeekday: number): string {
  if (locale === 'en') return weekdayWord(isoWeekday).slice(0, 3);
  // 5 January 2026 is a Monday.
  return format(locale, { weekday: 'short' }).format(new Date(Date.UTC(2026, 0, 4 + isoWeekday, 12)));
}
