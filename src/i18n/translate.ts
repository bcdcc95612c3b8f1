import { IntlMessageFormat } from 'intl-messageformat';
import type { Msg, MsgValue } from '../domain/message.js';
import type { LocalDate } from '../domain/time.js';
import { de } from './catalogue/de.js';
import { en, type Catalogue, type MessageKey } from './catalogue/en.js';
import { es } from './catalogue/es-ES.js';
import { fr } from './catalogue/fr.js';
import { ja } from './catalogue/ja.js';
import { pt } from './catalogue/pt-BR.js';
import { dateSpanIn, dayMonthYearIn, monthNameIn, shortDateIn, shortMonthIn, shortWeekdayIn, weekdayDateIn, weekdayNameIn } from './dates.js';
import { FALLBACK_LOCALE, type Locale } from './locales.js';

export type { MessageKey } from './catalogue/en.js';

/**
 * Every language's catalogue. English is every message's fallback and is always there; each other
 * language is built the first time it is read, so an idle worker whose members all speak English
 * settles about 1 MB lower (five catalogues with their web view texts, measured on the bundle).
 */
export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = builtOnFirstRead({ en: () => en, de, fr, 'es-ES': es, 'pt-BR': pt, ja });

function builtOnFirstRead<K extends string, V>(builders: Record<K, () => V>): Readonly<Record<K, V>> {
  const record = {} as Record<K, V>;
  for (const key of Object.keys(builders) as K[]) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = builders[key]();
        Object.defineProperty(record, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return record;
}

/**
 * Compiled messages, by the language asked for and then the key: a format in that language, or English's
 * when it lacks the message. Two maps rather than one keyed by a joined string: every message said
 * would build and hash that string again (a /win says four or five).
 */
const compiled = new Map<Locale, Map<string, IntlMessageFormat>>();

function formatOf(locale: Locale, key: string): IntlMessageFormat {
  let byKey = compiled.get(locale);
  if (!byKey) compiled.set(locale, (byKey = new Map()));
  let format = byKey.get(key);
  if (!format) {
    const { locale: used, source } = sourceOf(locale, key);
    // Tags off: member text and Discord syntax (<@id>, <t:…>) are never markup to the formatter.
    format = new IntlMessageFormat(source, used, undefined, { ignoreTag: true });
    byKey.set(key, format);
  }
  return format;
}

/** The message's source in the locale, or in English when that locale lacks it (never the key itself). */
export function sourceOf(locale: Locale, key: string, catalogues: Readonly<Record<Locale, Catalogue>> = CATALOGUES): { locale: Locale; source: string } {
  const own = (catalogues[locale] as Record<string, string | undefined>)[key];
  if (own !== undefined) return { locale, source: own };
  const english = (en as Record<string, string | undefined>)[key];
  if (english === undefined) throw new Error(`No message "${key}" in the catalogue`);
  return { locale: FALLBACK_LOCALE, source: english };
}

/** Says one message in a language, by ICU MessageFormat: plurals, ordinals and numbers follow the locale. */
export function t(locale: Locale, key: MessageKey | (string & {}), values?: Readonly<Record<string, MsgValue>>): string {
  const out = formatOf(locale, key).format(values === undefined ? undefined : plainValues(locale, values));
  return typeof out === 'string' ? out : String(out);
}

/** The values as the formatter takes them; most are strings and numbers already, and then the record goes as it is. */
function plainValues(locale: Locale, values: Readonly<Record<string, MsgValue>>): Readonly<Record<string, string | number>> {
  for (const name in values) {
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') return Object.fromEntries(Object.entries(values).map(([key, each]) => [key, plainValue(locale, each)]));
  }
  return values as Readonly<Record<string, string | number>>;
}

/** A nested message, a date or a month, said in the same language before it goes into its sentence. */
function plainValue(locale: Locale, value: MsgValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('key' in value) return t(locale, value.key, value.values);
  if ('date' in value) return dayMonthYearIn(locale, value.date);
  return monthNameIn(locale, value.month);
}

/** Whether a key exists (in English, so in every language by fallback). */
export const hasMessage = (key: string): boolean => key in en;

/** Everything a renderer needs to speak one language. */
export interface Translator {
  locale: Locale;
  t(key: MessageKey | (string & {}), values?: Readonly<Record<string, MsgValue>>): string;
  /** A domain message (key and values) in this language. */
  say(message: Msg): string;
  dateSpan(first: LocalDate, last: LocalDate): string;
  dayMonthYear(date: LocalDate): string;
  weekdayDate(date: LocalDate): string;
  weekday(isoWeekday: number): string;
  /** An instant's day in a timezone, short: "Thu 26 Nov". */
  shortDate(timezone: string, instant: Date, withYear: boolean): string;
  month(month: number): string;
  /** Short names for a calendar's labels: "Aug", "août", "8月"; "Mon", "lun.", "月". */
  shortMonth(month: number): string;
  shortWeekday(isoWeekday: number): string;
  /** A whole number in the locale's digits and grouping. */
  number(n: number): string;
  /** A list: "a, b and c", "a、b、c". */
  list(items: readonly string[]): string;
}

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  const found = translators.get(locale);
  if (found) return found;
  // Made at first use: ICU's data for them is paged in only when a number or list is said.
  let numbers: Intl.NumberFormat | undefined;
  let lists: Intl.ListFormat | undefined;
  const made: Translator = {
    locale,
    t: (key, values) => t(locale, key, values),
    say: (message) => t(locale, message.key, message.values),
    dateSpan: (first, last) => dateSpanIn(locale, first, last),
    dayMonthYear: (date) => dayMonthYearIn(locale, date),
    weekdayDate: (date) => weekdayDateIn(locale, date),
    weekday: (iso) => weekdayNameIn(locale, iso),
    shortDate: (timezone, instant, withYear) => shortDateIn(locale, timezone, instant, withYear),
    month: (month) => monthNameIn(locale, month),
    shortMonth: (month) => shortMonthIn(locale, month),
    shortWeekday: (iso) => shortWeekdayIn(locale, iso),
    number: (n) => (numbers ??= new Intl.NumberFormat(locale)).format(n),
    list: (items) => (lists ??= new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
  };
  translators.set(locale, made);
  return made;
}

/** English: what the bot says when no reader's language is known. */
export const english: Translator = translator('en');
