import { nextRecapAt } from './schedule.js';
import { localDateOf, localDateTimeOf, weekKey, weekRange, zonedToInstant, type Range } from './time.js';

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

/**
 * The next first morning (a Monday's or a 1st's, at FRESH_START_FROM_HOUR) strictly after `after`, in
 * `timezone`: where the scheduler's catch-up ticks when a clock jump passed over one.
 */
export function nextFreshStartAfter(timezone: string, after: Date): Date {
  const monday = nextRecapAt({ day: 1, time: `${String(FRESH_START_FROM_HOUR).padStart(2, '0')}:00`, timezone }, after);
  const today = localDateOf(timezone, after);
  let first = zonedToInstant(timezone, { year: today.year, month: today.month, day: 1 }, FRESH_START_FROM_HOUR, 0);
  if (first.getTime() <= after.getTime()) {
    const next = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
    first = zonedToInstant(timezone, { ...next, day: 1 }, FRESH_START_FROM_HOUR, 0);
  }
  return first < monday ? first : monday;
}
