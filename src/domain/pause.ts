import type { PauseSpan } from './streaks.js';
import { formatWeekdayDate, weekdayWord } from './date-format.js';
import { addDays, compareLocalDates, dayRange, formatLocalDate, localDateOf, localDateTimeOf, startOfLocalDay, type LocalDate } from './time.js';

export const PAUSE_MIN_DAYS = 1;
export const PAUSE_MAX_DAYS = 90;

export type PauseDays =
  | { ok: true; days: number | null }
  | { ok: false; problem: 'days-out-of-range'; value: number; min: number; max: number };

/** `days` as sent by Discord: null (until /resume) or a whole number 1–90; a client may ignore the limits. */
export function parsePauseDays(raw: number | null | undefined): PauseDays {
  if (raw === null || raw === undefined) return { ok: true, days: null };
  if (!Number.isInteger(raw) || raw < PAUSE_MIN_DAYS || raw > PAUSE_MAX_DAYS) {
    return { ok: false, problem: 'days-out-of-range', value: raw, min: PAUSE_MIN_DAYS, max: PAUSE_MAX_DAYS };
  }
  return { ok: true, days: raw };
}

/**
 * When a pause of `days` days started at `now` ends: the rest of today is a free gift, then `days`
 * whole local days, ending at the local midnight after them (7 days from a Wednesday → Thursday week's start).
 */
export function pauseEndsAt(timezone: string, now: Date, days: number): Date {
  const today = dayRange(timezone, now);
  return startOfLocalDay(timezone, addDays(localDateOf(timezone, today.start), days + 1));
}

/** The last local day a pause ending at `endsAt` still covers. */
export function lastPausedDay(timezone: string, endsAt: Date): LocalDate {
  return localDateOf(timezone, new Date(endsAt.getTime() - 1));
}

/**
 * Local days 'YYYY-MM-DD' from `from` on that any pause touches; a running pause is taken to last
 * until `now`. Bounded by `from`, so a long history costs only the days shown.
 */
export function pausedDaysOf(timezone: string, pauses: readonly PauseSpan[], now: Date, from: LocalDate): Set<string> {
  const paused = new Set<string>();
  for (const pause of pauses) {
    const end = pause.end ?? now;
    if (end.getTime() <= pause.start.getTime()) continue;
    const first = localDateOf(timezone, dayRange(timezone, pause.start).start);
    const last = lastPausedDay(timezone, end);
    for (let day = compareLocalDates(first, from) < 0 ? from : first; compareLocalDates(day, last) <= 0; day = addDays(day, 1)) {
      paused.add(formatLocalDate(day));
    }
  }
  return paused;
}

/** '05:15 on Thursday': the member's wall clock. */
export function describeLocalTime(timezone: string, instant: Date): string {
  const t = localDateTimeOf(timezone, instant);
  const hhmm = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return `${hhmm} on ${weekdayWord(t.weekday)}`;
}

export interface PauseView {
  endsAt: Date | null;
}

/** How long a pause runs, in the member's timezone: 'through Wednesday 11 March 2026' or 'until you `/resume`'. */
export function pauseSpan(timezone: string, pause: PauseView): string {
  return pause.endsAt === null ? 'until you `/resume`' : `through ${formatWeekdayDate(lastPausedDay(timezone, pause.endsAt))}`;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
