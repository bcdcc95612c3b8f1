
export const ELLIPSIS = '…';

const WHITESPACE = /\s/;

/** Runs of whitespace (newlines included) become one space, so a member's text fits on one line. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` itself when it fits in `max` characters (code points, as `truncateAtWord` counts), otherwise
 * the longest prefix that ends just before whitespace, plus "…". Never cuts inside a word, so never
 * inside an emoji or a mention either; a first word longer than `max` leaves only "…".
 */
export function summarise(text: string, max: number): string {
  if (!Number.isInteger(max) || max < ELLIPSIS.length) throw new RangeError(`summarise needs room for "…", got max ${max}`);
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = max - ELLIPSIS.length;
  for (let cut = room; cut > 0; cut--) {
    if (!WHITESPACE.test(chars[cut] ?? '')) continue;
    const kept = chars.slice(0, cut).join('').trimEnd();
    if (kept.length > 0) return kept + ELLIPSIS;
  }
  return ELLIPSIS;
}

/** One line of the member's words, as written (markdown intact), summarised at a word boundary. */
export function shownText(text: string, max: number): string {
  const line = collapseWhitespace(text);
  return line === '' ? '*a win without words*' : summarise(line, max);
}

/** "1 win", "1,204 wins"; anything odd (negative, fractional) is shown as a whole count from 0. */
export function countOf(n: number, singular: string, pluralForm = `${singular}s`): string {
  const whole = Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
  return `${whole.toLocaleString('en-US')} ${whole === 1 ? singular : pluralForm}`;
}
