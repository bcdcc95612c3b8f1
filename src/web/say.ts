import { html } from 'hono/html';
import type { MsgValue } from '../domain/message.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import type { Html } from './layout.js';

// Private-use marks that cannot come from a member's words (they are taken out of every value first).
const OPEN = '\uE000';
const CLOSE = '\uE001';
const unmarked = (value: MsgValue): MsgValue => (typeof value === 'string' ? value.replace(/[\uE000\uE001]/g, '') : value);

/**
 * A whole sentence in the reader's language with marked-up parts in it (a command in `<code>`, a number
 * in `<strong>`): the language decides where each part goes, every word of the sentence is escaped as
 * text, and only the given parts are markup.
 */
export function rich(tr: Translator, key: MessageKey, values: Readonly<Record<string, MsgValue>>, parts: Readonly<Record<string, Html>>): Html {
  const names = Object.keys(parts);
  const marks = Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`]));
  const plain = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, unmarked(value)]));
  const pieces = tr.t(key, { ...plain, ...marks }).split(new RegExp(`${OPEN}(\\d+)${CLOSE}`));
  return html`${pieces.map((piece, i) => (i % 2 === 1 ? (parts[names[Number(piece)] ?? ''] ?? '') : piece))}`;
}

/** A command as a page shows it: `<code>/goal add</code>`. */
export const code = (text: string): Html => html`<code>${text}</code>`;
