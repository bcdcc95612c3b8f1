import { msg, type Msg } from '../message.js';
import { keepingSpoilers } from '../member-text.js';
import { epochDayOf, type LocalDate } from '../time.js';

export const ELLIPSIS = '…';

const WHITESPACE = /\s/;

/** Runs of whitespace (newlines included) become one space, so a member's text fits on one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` itself when it fits in `max` characters (code points, as `truncateAtWord` counts), else with
 * its bare links shortened to their hosts when that fits, otherwise the longest prefix of that which
 * ends just before whitespace, plus "…" (and `||` when the cut left a spoiler open). Never cuts inside
 * a word, so never inside an emoji or a mention either; a first word longer than `max` leaves only "…".
 */
export function summarise(text: string, max: number): string {
  if (!Number.isInteger(max) || max < ELLIPSIS.length) throw new RangeError(`summarise needs room for "…", got max ${max}`);
  if ([...text].length <= max) return text;
  // A long link would take the words after it down with it: it gives way first, to its host.
  const full = linksToHosts(text);
  const chars = [...full];
  if (chars.length <= max) return full;
  return keepingSpoilers(full, max, (limit) => {
    for (let cut = limit - ELLIPSIS.length; cut > 0; cut--) {
      if (!WHITESPACE.test(chars[cut] ?? '')) continue;
      const kept = chars.slice(0, cut).join('').trimEnd();
      if (kept.length > 0) return kept + ELLIPSIS;
    }
    return ELLIPSIS;
  });
}

// A bare link (or one in <…>), not one inside markdown's [text](url); trailing punctuation stays outside.
const BARE_LINK = /(?<!\]\()<?(https?:\/\/[^\s<>]+?)>?(?=[.,;:!?)]*(?:\s|$))/g;

/** Each bare link as its host alone ("read example.com"), for when the whole text cannot be shown. */
export function linksToHosts(text: string): string {
  return text.replace(BARE_LINK, (link: string, url: string) => {
    const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
    return host === '' ? link : host;
  });
}

/** One line of the member's words, as written (markdown intact), summarised at a word boundary. */
export function shownText(text: string, max: number): string {
  const line = collapseWhitespace(text);
  return line === '' ? '*a win without words*' : summarise(line, max);
}

/** A count as shown: anything odd (negative, fractional, not a number) is a whole count from 0. */
export function wholeCount(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

/** "1 win", "1,204 wins"; anything odd (negative, fractional) is shown as a whole count from 0. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  const whole = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
  return `${whole.toLocaleString('en-US')} ${whole === 1 ? singular : pluralForm}`;
}

/** How many local days a recap names, first and last included. */
export function daysNamed(first: LocalDate, last: LocalDate): number {
  return epochDayOf(last) - epochDayOf(first) + 1;
}

/** What a recap calls its span (SPEC §4): "this week" only when it covers one week; "these two weeks", "these 10 days" otherwise. */
export function spanPhrase(first: LocalDate, last: LocalDate): Msg {
  const days = daysNamed(first, last);
  if (days <= 7) return msg('recap.span.week');
  return days % 7 === 0 ? msg('recap.span.weeks', { count: days / 7 }) : msg('recap.span.days', { count: days });
}

/**
 * How a recap introduces its archive win, `who` drawn by the surface (a mention, a name). A year-ago win
 * is "a year ago this week" only in a recap of one week (SPEC §4: `oneWeek`, set by composeRecap), and
 * "a year ago, around these dates" otherwise, or when nobody said how long the recap is.
 */
export function archiveIntroOf(archive: { kind: 'year' | 'month' | 'older'; date: LocalDate; oneWeek?: boolean }, who: string): Msg {
  if (archive.kind === 'year') return msg(archive.oneWeek === true ? 'recap.archive.year' : 'recap.archive.yearSpan', { member: who });
  if (archive.kind === 'month') return msg('recap.archive.month', { member: who });
  return msg('recap.archive.older', { member: who, date: { date: archive.date } });
}
