import {
  addDays,
  epochDayOf,
  localDateOf,
  localDateTimeOf,
  weekdayOf,
  weekKey,
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

/**
 * What a recap covers, in the server's timezone: the span since the previous scheduled recap, ending
 * at its own moment (SPEC §4).
 */
export interface CoveredWeek {
  /** The first and last dates the post names: the local days mostly inside the span. */
  firstDay: LocalDate;
  lastDay: LocalDate;
  range: Range;
  /** ISO week the span mostly reports, e.g. `2026-W48`: the key a recap is claimed under, one per week. */
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

/** The instant `days` local days and `hours` wall hours from `instant`, at the same wall time (DST-proof). */
export function shiftWallTime(timezone: string, instant: Date, days: number, hours = 0): Date {
  const t = localDateTimeOf(timezone, instant);
  const total = t.hour * 60 + t.minute + hours * 60;
  const dayShift = Math.floor(total / 1440);
  const minutes = total - dayShift * 1440;
  return zonedToInstant(timezone, addDays(t, days + dayShift), Math.floor(minutes / 60), minutes % 60);
}

/** Half a week back from a recap's moment: the middle of the seven days it reports. */
const reportedMiddle = (timezone: string, firedAt: Date): Date => shiftWallTime(timezone, firedAt, -3, -12);

/**
 * The ISO week a recap at `firedAt` reports: the one holding the middle of the seven days before it.
 * A Sunday-evening recap reports the week ending, a Monday-morning one the week just ended; weekly
 * fires give distinct keys, and `/config` moving the day never lets two recaps report one week.
 */
export function recapWeekKey(timezone: string, firedAt: Date): string {
  return weekKey(timezone, reportedMiddle(timezone, firedAt));
}

/** An instant in the week a recap at `firedAt` opens (its partners' week): half a week ahead of it. */
export function weekAheadOf(timezone: string, firedAt: Date): Date {
  return shiftWallTime(timezone, firedAt, 3, 12);
}

/** The local dates more than half covered by `range` (its own dates when it is shorter than a day). */
function namedDays(timezone: string, range: Range): { firstDay: LocalDate; lastDay: LocalDate } {
  const start = localDateTimeOf(timezone, range.start);
  const end = localDateTimeOf(timezone, range.end);
  const firstDay = start.hour >= 12 ? addDays(start, 1) : { year: start.year, month: start.month, day: start.day };
  const lastDay = end.hour < 12 ? addDays(end, -1) : { year: end.year, month: end.month, day: end.day };
  if (epochDayOf(firstDay) <= epochDayOf(lastDay)) return { firstDay, lastDay };
  return { firstDay: localDateOf(timezone, range.start), lastDay: localDateOf(timezone, new Date(range.end.getTime() - 1)) };
}

// Missed weeks and settings changes carry wins forward to the next recap; a silence of months is not reported at once.
const LONGEST_COVERAGE_DAYS = 92;

/**
 * What a recap fired at `firedAt` covers: from where the previous posted recap's coverage ended (its
 * moment) up to its own, so every win is in exactly one recap however the settings changed; the seven
 * days before it when there was none lately.
 */
export function recapWeekFor(timezone: string, firedAt: Date, previousEnd?: Date): CoveredWeek {
  const earliest = shiftWallTime(timezone, firedAt, -LONGEST_COVERAGE_DAYS);
  const fromPrevious = previousEnd && previousEnd.getTime() < firedAt.getTime() && previousEnd.getTime() >= earliest.getTime();
  const range = { start: fromPrevious ? previousEnd : shiftWallTime(timezone, firedAt, -7), end: firedAt };
  return { ...namedDays(timezone, range), range, key: recapWeekKey(timezone, firedAt) };
}
