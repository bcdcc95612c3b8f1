import {
  addDays,
  compareLocalDates,
  daysBetween,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  zonedToInstant,
  type LocalDate,
} from './time.js';
import { isVisiblyEmpty, stripControlCharacters } from './member-text.js';

export const WIN_TEXT_MAX = 500;
export const BACKDATE_MAX_DAYS = 14;

/** Why an input was refused; the command layer turns it into a friendly message. */
export type InputProblem =
  | { problem: 'text-empty' }
  | { problem: 'text-too-long'; length: number; max: number }
  /** `example`: a date inside the window, so the hint can be typed back as it is. */
  | { problem: 'when-unknown'; value: string; example: string }
  | { problem: 'when-future'; value: string }
  | { problem: 'when-too-old'; value: string; maxDays: number };

export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & InputProblem);

/**
 * Trims and strips control characters (NUL cannot be stored), and keeps the member's own words and
 * markdown exactly as written. Text that shows nothing (zero-width spaces alone) counts as empty.
 */
export function parseWinText(raw: string | null | undefined): Parsed<string> {
  const text = stripControlCharacters(raw ?? '').trim();
  if (isVisiblyEmpty(text)) return { ok: false, problem: 'text-empty' };
  // Count code points, as a member would count characters (an emoji is one).
  const length = [...text].length;
  if (length > WIN_TEXT_MAX) return { ok: false, problem: 'text-too-long', length, max: WIN_TEXT_MAX };
  return { ok: true, value: text };
}

export interface WinDay {
  date: LocalDate;
  /** The instant stored for the win: now for today, local noon for an earlier day. */
  occurredAt: Date;
  daysAgo: number;
}

/**
 * "today" and "yesterday" in each language the bot speaks (SPEC §12), as ICU words them and as the
 * `when:` suggestions show them (src/domain/when-choices.ts): a member may type what they saw.
 */
const dayWordsOf = (daysAgo: number): ReadonlySet<string> =>
  new Set(
    ['en', 'de', 'fr', 'es', 'pt-BR', 'ja'].flatMap((locale) => {
      const word = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(-daysAgo, 'day').toLowerCase();
      // French writes "aujourd\u2019hui" (a typographic apostrophe); a keyboard types "aujourd'hui".
      return [word, word.replace(/\u2019/g, "'")];
    }),
  );
// Built at the first back-dated win, not at start-up: twelve ICU formatters a worker may never need.
let dayWords: { today: ReadonlySet<string>; yesterday: ReadonlySet<string> } | undefined;
const wordsForDays = () => (dayWords ??= { today: dayWordsOf(0), yesterday: dayWordsOf(1) });

/** `today` (default), `yesterday` (or either in the member's language), or `YYYY-MM-DD` up to 14 days back, in the member's timezone. */
export function parseWinDay(raw: string | null | undefined, timezone: string, now: Date): Parsed<WinDay> {
  const value = (raw ?? '').trim().toLowerCase();
  const today = localDateOf(timezone, now);
  let date: LocalDate | null;
  if (value === '' || value === 'today' || (!/^\d/.test(value) && wordsForDays().today.has(value))) date = today;
  else if (value === 'yesterday' || (!/^\d/.test(value) && wordsForDays().yesterday.has(value))) date = addDays(today, -1);
  else date = parseLocalDate(value);
  if (!date) return { ok: false, problem: 'when-unknown', value: raw ?? '', example: formatLocalDate(addDays(today, -2)) };
  const daysAgo = daysBetween(date, today);
  if (compareLocalDates(date, today) > 0) return { ok: false, problem: 'when-future', value: formatLocalDate(date) };
  if (daysAgo > BACKDATE_MAX_DAYS) {
    return { ok: false, problem: 'when-too-old', value: formatLocalDate(date), maxDays: BACKDATE_MAX_DAYS };
  }
  // Noon sits safely inside the local day whatever DST does that day.
  const occurredAt = daysAgo === 0 ? now : zonedToInstant(timezone, date, 12, 0);
  return { ok: true, value: { date, occurredAt, daysAgo } };
}
