import { localDateTimeOf, weekKey, weekRange, type Range } from './time.js';

/** The "first morning" of a week or month (SPEC §13): from this local hour until noon. */
export const FRESH_START_FROM_HOUR = 8;
export const FRESH_START_UNTIL_HOUR = 12;

export interface FreshStartDue {
  /** A month's first day wins over a Monday: one line a morning, never two. */
  kind: 'week' | 'month';
  /** The claim's period: the ISO week (`2026-W49`) or the month (`2026-12`). */
  period: string;
}

/** Whether a fresh-start line is due at `now` in `timezone`: on a Monday or a 1st, in the morning. */
export function freshStartDueIn(timezone: string, now: Date): FreshStartDue | undefined {
  const local = localDateTimeOf(timezone, now);
  if (local.hour < FRESH_START_FROM_HOUR || local.hour >= FRESH_START_UNTIL_HOUR) return undefined;
  if (local.day === 1) return { kind: 'month', period: `${local.year}-${String(local.month).padStart(2, '0')}` };
  if (local.weekday === 1) return { kind: 'week', period: weekKey(timezone, now) };
  return undefined;
}

/** The week before the one holding `now`, in `timezone`: what the fresh-start line looks back on. */
export function lastWeekRange(timezone: string, now: Date): Range {
  return weekRange(timezone, new Date(weekRange(timezone, now).start.getTime() - 1));
}
