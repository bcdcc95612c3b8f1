import { BACKDATE_MAX_DAYS } from './win-input.js';
import { weekdayWord } from './date-format.js';
import { addDays, formatLocalDate, localDateOf, weekdayOf } from './time.js';

export interface Choice {
  name: string;
  value: string;
}

/** today, yesterday and the last 14 dates (in the member's timezone), filtered by what was typed. */
export function whenChoices(typed: string, timezone: string, now: Date): Choice[] {
  const today = localDateOf(timezone, now);
  const choices: Choice[] = [
    { name: `today (${formatLocalDate(today)})`, value: 'today' },
    { name: `yesterday (${formatLocalDate(addDays(today, -1))})`, value: 'yesterday' },
  ];
  for (let back = 2; back <= BACKDATE_MAX_DAYS; back++) {
    const date = addDays(today, -back);
    const weekday = weekdayWord(weekdayOf(date));
    choices.push({ name: `${formatLocalDate(date)} (${weekday}, ${back} days ago)`, value: formatLocalDate(date) });
  }
  const needle = typed.trim().toLowerCase();
  return choices.filter((choice) => choice.name.toLowerCase().includes(needle)).slice(0, 25);
}
