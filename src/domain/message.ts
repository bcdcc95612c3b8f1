import type { LocalDate } from './time.js';

/**
 * What a message means, with no wording: a catalogue key and the values it needs. The domain and the
 * use cases return these; the renderers say them in the reader's language (src/i18n). A value may be
 * another message, a date or a month, which the reader's language words too.
 */
export type MsgValue = string | number | Msg | { date: LocalDate } | { month: number };

export interface Msg {
  key: string;
  values?: Readonly<Record<string, MsgValue>>;
}

export const msg = (key: string, values?: Readonly<Record<string, MsgValue>>): Msg => (values === undefined ? { key } : { key, values });

/** An empty part of a sentence (no "best so far" to add, no date note). */
export const NOTHING: Msg = { key: 'common.nothing' };
