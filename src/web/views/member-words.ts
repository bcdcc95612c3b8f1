import { localDateOf } from '../../domain/time.js';
import { english, type Translator } from '../../i18n/index.js';

// The web draws what members wrote as words, never as Discord's markup (a page is not a chat): mentions read
// as who or what they point at, quote and emphasis markers go, and hono escapes what is left as text.

const MARKERS: readonly RegExp[] = [/\*\*(.+?)\*\*/gs, /__(.+?)__/gs, /~~(.+?)~~/gs, /\|\|(.+?)\|\|/gs, /(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/gs];

/** A member's text as plain words for a web page, a Discord timestamp as a day in the reader's language; escaping stays hono's job. */
export function memberWords(text: string, tr: Translator = english): string {
  const dayOf = (seconds: string): string => tr.dayMonthYear(localDateOf('UTC', new Date(Number(seconds) * 1000)));
  let words = text
    .replace(/<@&\d+>/g, () => tr.t('web.words.role'))
    .replace(/<@!?\d+>/g, () => tr.t('web.words.member'))
    .replace(/<#\d+>/g, () => tr.t('web.words.channel'))
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/<t:(-?\d{1,12})(?::[tTdDfFR])?>/g, (_, seconds: string) => dayOf(seconds))
    .replace(/^(?:>>>|>) ?/gm, '')
    .replace(/^-# /gm, '');
  for (const marker of MARKERS) words = words.replace(marker, '$1');
  // Backslash escapes only hid markup from Discord.
  return words.replace(/\\([*_~|>`\\[\]()#<:-])/g, '$1');
}
