import { epochDayOf, type LocalDate } from '../time.js';

export const ELLIPSIS = '…';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WHITESPACE = /\s/;

/** Runs of whitespace (newlines included) become one space, so a member's text fits on one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` itself when it fits in `max` UTF-16 units (what Discord's limits count), otherwise the
 * longest prefix that ends just before whitespace, plus "…". Never cuts inside a word, so never
 * inside an emoji, a mention or a surrogate pair either; a first word longer than `max` leaves only "…".
 */
export function summarise(text: string, max: number): string {
  if (!Number.isInteger(max) || max < ELLIPSIS.length) throw new RangeError(`summarise needs room for "…", got max ${max}`);
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  for (let cut = room; cut > 0; cut--) {
    if (!WHITESPACE.test(text.charAt(cut))) continue;
    const kept = text.slice(0, cut).trimEnd();
    if (kept.length > 0) return kept + ELLIPSIS;
  }
  return ELLIPSIS;
}

/** One line of the member's words, as written (markdown intact), summarised at a word boundary. */
export function shownText(text: string, max: number): string {
  const line = collapseWhitespace(text);
  return line === '' ? '*a win without words*' : summarise(line, max);
}

/** "23 November 2026". */
export function formatLongDate(date: LocalDate): string {
  return `${date.day} ${MONTHS[date.month - 1] ?? ''} ${date.year}`;
}

/** The dates a recap names: "30 Nov – 6 Dec", the year shown only when the span crosses one ("28 Dec 2026 – 3 Jan 2027"). */
export function formatDateSpan(first: LocalDate, last: LocalDate): string {
  const short = (d: LocalDate) => `${d.day} ${(MONTHS[d.month - 1] ?? '').slice(0, 3)}`;
  if (first.year !== last.year) return `${short(first)} ${first.year} – ${short(last)} ${last.year}`;
  if (first.month === last.month && first.day === last.day) return short(first);
  return `${short(first)} – ${short(last)}`;
}

/** "1 win", "1,204 wins"; anything odd (negative, fractional) is shown as a whole count from 0. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  const whole = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
  return `${whole.toLocaleString('en-US')} ${whole === 1 ? singular : pluralForm}`;
}

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** How many local days a recap names, first and last included. */
export function daysNamed(first: LocalDate, last: LocalDate): number {
  return epochDayOf(last) - epochDayOf(first) + 1;
}

/** What a recap calls its span (SPEC §4): "this week" only when it covers one week; "these two weeks", "these 10 days" otherwise. */
export function spanPhrase(first: LocalDate, last: LocalDate): string {
  const days = daysNamed(first, last);
  if (days <= 7) return 'this week';
  const inWords = (n: number) => SMALL_NUMBERS[n] ?? String(n);
  return days % 7 === 0 ? `these ${inWords(days / 7)} weeks` : `these ${inWords(days)} days`;
}

/** How a recap introduces its archive win, `who` drawn by the surface (a mention, a name). */
export function archiveIntroOf(archive: { kind: 'year' | 'month' | 'older'; date: LocalDate }, who: string): string {
  if (archive.kind === 'year') return `A year ago this week, ${who} logged:`;
  if (archive.kind === 'month') return `A month ago, ${who} logged:`;
  return `From the archive: on ${formatLongDate(archive.date)}, ${who} logged:`;
}
