// Text members type, made safe to store and to show to others.

// C0 controls and DEL, except tab and newline: PostgreSQL refuses NUL in text, and the rest only hide things.
const isKept = (ch: string): boolean => {
  const code = ch.codePointAt(0) ?? 0;
  return code === 0x09 || code === 0x0a || (code >= 0x20 && code !== 0x7f);
};

/** Strips NUL and other control characters before anything is stored; keeps tabs and newlines. */
export function stripControlCharacters(raw: string): string {
  return [...raw].filter(isKept).join('');
}

// Characters that draw nothing: spaces of every width, format characters (zero-width space and
// joiners, word joiner, BOM, bidi controls, tags), variation selectors, Hangul fillers, braille blank.
const INVISIBLE = /[\s\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u2800\u3164\uFFA0]|\p{Variation_Selector}|\u034F|\u17B4|\u17B5/gu;

// Emphasis, strikethrough and spoiler marks: around nothing but blanks ("** **", "_ _", "|| ||") Discord draws
// them as an empty line. A run of marks alone ("***") is drawn as typed, so it still counts as something.
const EMPHASIS_MARKS = /[*_~|]/g;

/** True when nothing in the text would show on screen (empty, spaces, zero-width characters, formatting around them…). */
export function isVisiblyEmpty(text: string): boolean {
  const visible = text.replace(INVISIBLE, '');
  if (visible === '') return true;
  return visible.replace(EMPHASIS_MARKS, '') === '' && visible.length < text.length;
}

// Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): they can make a post
// read backwards ("gpj.exe" shown as "exe.jpg"). Plain marks (LRM, RLM, ALM) cannot, and stay.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/g;

// [label](url) and [label](<url>): a masked link shows the label and hides where it goes.
const MASKED_LINK = /\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?\s*\)/g;

/**
 * A member's words as others will read them in a public post: bidi controls removed, so the text
 * reads in its real order, and masked links shown literally with their real URL.
 */
export function publicMemberText(text: string): string {
  return text.replace(BIDI_CONTROL, '').replace(MASKED_LINK, (_, label: string, url: string) => `\\[${label}\\](${url})`);
}

// Inside a code span `||` is shown as typed, so it opens no spoiler.
const CODE_SPAN = /`[^`\n]*`/g;
const spoilerMarks = (text: string): number => text.replace(CODE_SPAN, '').split('||').length - 1;

/**
 * `shorten(max)` of `whole`, with a spoiler its cut left open closed again: after an unmatched `||`
 * Discord shows the words the member hid in plain sight. The closing marks' room comes out of the
 * text, so `max` still holds. A `||` the member never closed stays as typed (it hides nothing on
 * Discord either).
 */
export function keepingSpoilers(whole: string, max: number, shorten: (max: number) => string): string {
  const marks = spoilerMarks(whole);
  const closed = (shortened: string) => {
    const kept = spoilerMarks(shortened);
    return kept % 2 === 1 && marks > kept ? `${shortened}||` : shortened;
  };
  const once = shorten(max);
  if (closed(once) === once || max < 3) return once;
  return closed(shorten(max - 2));
}
