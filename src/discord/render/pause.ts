import { lastPausedDay, type PauseView } from '../../domain/pause.js';
import { localDateOf, localDateTimeOf } from '../../domain/time.js';
import { WEEKDAY_NAMES } from '../../domain/weekly-settings.js';
import { english, type Translator } from '../../i18n/index.js';

/** Discord renders `<t:…:F>` as a full date and time in the reader's own locale. */
export function discordTimestamp(instant: Date, style: 'F' | 'f' | 'D' | 'R' = 'F'): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}

/** How long a pause runs, in the member's timezone and language: 'through Wednesday 11 March 2026' or 'until you `/resume`'. */
export function pauseSpanWords(timezone: string, pause: PauseView, tr: Translator = english): string {
  return pause.endsAt === null ? tr.t('pause.span.open') : tr.t('pause.span.through', { date: tr.weekdayDate(lastPausedDay(timezone, pause.endsAt)) });
}

/** One line about a running pause: 'paused through Wednesday 11 March 2026 (your time) — back on Thursday 12 March 2026'. */
export function describePause(timezone: string, pause: PauseView, tr: Translator = english): string {
  if (pause.endsAt === null) return tr.t('pause.describe.open', { span: pauseSpanWords(timezone, pause, tr) });
  // In words, in the member's timezone: a timestamp would read as UTC in some clients and in the console.
  return tr.t('pause.describe.until', { span: pauseSpanWords(timezone, pause, tr), back: tr.weekdayDate(localDateOf(timezone, pause.endsAt)) });
}

/** '05:15 on Thursday': the member's wall clock, in their language. */
export function localTimeWords(timezone: string, instant: Date, tr: Translator = english): string {
  const t = localDateTimeOf(timezone, instant);
  const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return tr.t('time.atWeekday', { time, ...weekdayValues(t.weekday, tr) });
}

// Languages whose weekday names are lower case inside a sentence ("chaque jeudi", "cada martes", "toda segunda-feira").
const LOWER_CASE_WEEKDAYS: ReadonlySet<string> = new Set(['fr', 'es-ES', 'pt-BR']);

/** A weekday's name as it reads inside a sentence of the reader's language. */
export function weekdayInSentence(isoWeekday: number, tr: Translator = english): string {
  const name = tr.weekday(isoWeekday);
  return LOWER_CASE_WEEKDAYS.has(tr.locale) ? name.toLocaleLowerCase(tr.locale) : name;
}

/**
 * A weekday as a message takes it: `weekday`, its name inside a sentence, and `day`, its id (`monday`…`sunday`),
 * for languages whose article or agreement follows the day ("todo sábado", "toda segunda-feira").
 */
export function weekdayValues(isoWeekday: number, tr: Translator = english): { weekday: string; day: string } {
  return { weekday: weekdayInSentence(isoWeekday, tr), day: WEEKDAY_NAMES[isoWeekday - 1] ?? 'monday' };
}
