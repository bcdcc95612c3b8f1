import { localDateTimeOf, weekKey } from './time.js';
import { nextRecapAt } from './schedule.js';

/** Local hour on the check-in day from which the prompt is due (SPEC §5). */
export const PROMPT_HOUR = 10;

/**
 * In `timezone` at `now`, which check-in day and week a prompt is due for: the day itself from
 * 10:00 to its end. Undefined before 10:00, when no check-in day has its prompt due yet.
 */
export function promptDueIn(timezone: string, now: Date): { checkinDay: number; weekKey: string } | undefined {
  const local = localDateTimeOf(timezone, now);
  return local.hour >= PROMPT_HOUR ? { checkinDay: local.weekday, weekKey: weekKey(timezone, now) } : undefined;
}

/**
 * The first instant strictly after `after` that is 10:00 local on `checkinDay` (1 = Monday) in
 * `timezone`: when that day's prompt becomes due. A clock jump over it still ticks there.
 */
export function nextPromptAt(timezone: string, checkinDay: number, after: Date): Date {
  return nextRecapAt({ day: checkinDay, time: `${String(PROMPT_HOUR).padStart(2, '0')}:00`, timezone }, after);
}
