import {
  addDays,
  localDateOf,
  mondayOf,
  weekdayOf,
  weekKey,
  weekRange,
  zonedToInstant,
  type LocalDate,
  type Range,
} from './time.js';

/** When a server's weekly recap fires: a local weekday and wall time in the server's timezone. */
export interface RecapSchedule {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  /** Local `HH:MM`, 24 h. */
  time: string;
  timezone: string;
}

/** The week a recap covers, in the server's timezone. */
export interface CoveredWeek {
  /** Its Monday. */
  weekStart: LocalDate;
  range: Range;
  /** ISO week, e.g. `2026-W48`: the key a recap is claimed under. */
  key: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` (24 h) → hour and minute; throws on anything else. */
export function parseRecapTime(time: string): { hour: number; minute: number } {
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`Not a recap time (HH:MM): ${time}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The first instant strictly after `after` whose local weekday and time are the schedule's.
 * A time skipped by a DST gap fires at the first valid minute after it; a time that happens
 * twice fires once, at the earlier.
 */
export function nextRecapAt(schedule: RecapSchedule, after: Date): Date {
  if (!Number.isInteger(schedule.day) || schedule.day < 1 || schedule.day > 7) throw new RangeError(`Not a weekday (1..7): ${schedule.day}`);
  const { hour, minute } = parseRecapTime(schedule.time);
  const today = localDateOf(schedule.timezone, after);
  // From yesterday: a late-evening time pushed past midnight by a gap can land after `after`.
  const first = addDays(today, -1);
  const offset = (schedule.day - weekdayOf(first) + 7) % 7;
  for (let days = offset; days <= offset + 21; days += 7) {
    const candidate = zonedToInstant(schedule.timezone, addDays(first, days), hour, minute);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error(`No recap time found after ${after.toISOString()}`);
}

/** The week a recap fired at `firedAt` covers: the Monday-start week before the one holding the fire time. */
export function recapWeekFor(timezone: string, firedAt: Date): CoveredWeek {
  const current = weekRange(timezone, firedAt);
  const range = weekRange(timezone, new Date(current.start.getTime() - 1));
  return { weekStart: mondayOf(localDateOf(timezone, range.start)), range, key: weekKey(timezone, range.start) };
}
