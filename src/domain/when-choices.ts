import { BACKDATE_MAX_DAYS } from './win-input.js';
import { addDays, formatLocalDate, localDateOf, type LocalDate } from './time.js';

export interface Choice {
  name: string;
  value: string;
}

type DayWords = { ago(days: number): string; weekday(date: LocalDate): string };
// One set of ICU formatters per language, not per keystroke of the autocomplete.
const wordsByLocale = new Map<string, DayWords>();

/** Words for a day in the member's language (SPEC §12), from ICU: "today", "gestern", "Monday", "vor 3 Tagen". */
function dayWords(locale: string): DayWords {
  let words = wordsByLocale.get(locale);
  if (!words) wordsByLocale.set(locale, (words = icuDayWords(locale)));
  return words;
}

function icuDayWords(locale: string): DayWords {
  const supported = (tag: string) => Intl.RelativeTimeFormat.supportedLocalesOf([tag]).length > 0;
  const tag = supported(locale) ? locale : 'en';
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  return {
    /** 0 → "today", 1 → "yesterday", 3 → "3 days ago". */
    ago: (days: number) => relative.format(-days, 'day'),
    weekday: (date: LocalDate) => weekday.format(new Date(Date.UTC(date.year, date.month - 1, date.day, 12))),
  };
}

/**
 * today, yesterday and the last 14 dates (in the member's timezone), in the member's language, filtered
 * by what was typed (the words shown or the value). The values stay the ones `/win when:` reads.
 */
export function whenChoices(typed: string, timezone: string, now: Date, locale = 'en-US'): Choice[] {
  const words = dayWords(locale);
  const today = localDateOf(timezone, now);
  const choices: Choice[] = [
    { name: `${words.ago(0)} (${formatLocalDate(today)})`, value: 'today' },
    { name: `${words.ago(1)} (${formatLocalDate(addDays(today, -1))})`, value: 'yesterday' },
  ];
  for (let back = 2; back <= BACKDATE_MAX_DAYS; back++) {
    const date = addDays(today, -back);
    choices.push({ name: `${formatLocalDate(date)} (${words.weekday(date)}, ${words.ago(back)})`, value: formatLocalDate(date) });
  }
  const needle = typed.trim().toLowerCase();
  return choices.filter((choice) => choice.name.toLowerCase().includes(needle) || choice.value.includes(needle)).slice(0, 25);
}
