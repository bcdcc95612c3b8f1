import { localDateOf, weekRange } from './time.js';
import { epochDayOf, formatLocalDate, localDateOfEpochDay, mondayOf, parseLocalDate, type LocalDate } from './time-calendar.js';

/** Counts keyed by a local date 'YYYY-MM-DD'; days or weeks without wins may be absent. */
export type CountsByDate = ReadonlyMap<string, number>;

/** A member's weekly history, all in their own timezone. */
export interface WeekHistory {
  /** Wins per Monday-start week, keyed by the week's Monday. */
  weeks: CountsByDate;
  /** Mondays of the weeks that overlap any pause. */
  pausedWeeks: ReadonlySet<string>;
  /** Monday of the week holding today. */
  currentWeek: LocalDate;
  /** Mondays of empty weeks the member repaired (SPEC §13): like a pause, they neither break nor extend a run. */
  repairedWeeks?: ReadonlySet<string>;
}

export interface Streaks {
  /** Weeks in a row with a win, counted back from the current week. */
  current: number;
  /** The longest such run ever (at least `current`). */
  best: number;
  /** The longest run before the current one: "your longest yet" only when `current` beats it, never on a tie. */
  bestBefore: number;
  /** Repaired weeks the current run bridges (SPEC §13), said with the streak wherever it is shown. */
  repairedInRun?: number;
}

export interface Ghost {
  /** Monday of the member's best past week, 'YYYY-MM-DD'. */
  monday: string;
  wins: number;
}

/** How many weeks before this one make up the member's "usual" week. */
export const USUAL_WEEKS = 4;

/** Groups daily counts into Monday-start weeks, keyed by the Monday. */
export function weekCountsOf(days: CountsByDate): Map<string, number> {
  const weeks = new Map<string, number>();
  for (const [day, wins] of days) {
    const date = parseLocalDate(day);
    if (date === null || wins <= 0) continue;
    const monday = formatLocalDate(mondayOf(date));
    weeks.set(monday, (weeks.get(monday) ?? 0) + wins);
  }
  return weeks;
}

/** A pause from `start` until `end` (null: still running). */
export interface PauseSpan {
  start: Date;
  end: Date | null;
}

/** Mondays of the local weeks that overlap any pause; a running pause is taken to last until `now`. */
export function pausedWeeksOf(timezone: string, pauses: readonly PauseSpan[], now: Date): Set<string> {
  const paused = new Set<string>();
  const mondayHolding = (instant: Date): LocalDate => localDateOf(timezone, weekRange(timezone, instant).start);
  for (const pause of pauses) {
    const end = pause.end ?? now;
    if (end.getTime() <= pause.start.getTime()) continue;
    const first = mondayHolding(pause.start);
    // The end is exclusive: a pause ending at Monday 00:00 does not touch that week.
    const last = epochDayOf(mondayHolding(new Date(end.getTime() - 1)));
    for (let day = epochDayOf(first); day <= last; day += 7) paused.add(formatLocalDate(localDateOfEpochDay(day)));
  }
  return paused;
}

/** Whether a pause covers the instant. */
export function isPausedAt(pauses: readonly PauseSpan[], instant: Date): boolean {
  const t = instant.getTime();
  return pauses.some((p) => p.start.getTime() <= t && (p.end === null || t < p.end.getTime()));
}

function firstWeekWithWins(history: WeekHistory): number | undefined {
  let first: number | undefined;
  for (const [monday, wins] of history.weeks) {
    const date = parseLocalDate(monday);
    if (date === null || wins <= 0) continue;
    const day = epochDayOf(date);
    if (first === undefined || day < first) first = day;
  }
  return first;
}

const winsIn = (history: WeekHistory, epochDay: number): number =>
  history.weeks.get(formatLocalDate(localDateOfEpochDay(epochDay))) ?? 0;

/**
 * Weekly streaks (SPEC §1.5): a week with a win extends the run; a week without one breaks it,
 * unless it overlaps a pause (skipped: neither breaks nor extends) or is the current week, which is
 * still running.
 */
export function weeklyStreaks(history: WeekHistory): Streaks {
  const first = firstWeekWithWins(history);
  const current = epochDayOf(history.currentWeek);
  if (first === undefined || first > current) return { current: 0, best: 0, bestBefore: 0 };
  let run = 0;
  let best = 0;
  let bestBefore = 0;
  let repairedInRun = 0;
  for (let day = first; day <= current; day += 7) {
    const monday = formatLocalDate(localDateOfEpochDay(day));
    if (winsIn(history, day) > 0) {
      run += 1;
      best = Math.max(best, run);
    } else if (day !== current && !history.pausedWeeks.has(monday)) {
      if (history.repairedWeeks?.has(monday)) {
        if (run > 0) repairedInRun += 1;
        continue;
      }
      bestBefore = Math.max(bestBefore, run);
      run = 0;
      repairedInRun = 0;
    }
  }
  return repairedInRun > 0 ? { current: run, best, bestBefore, repairedInRun } : { current: run, best, bestBefore };
}

/**
 * The member's usual week: the average of the 4 weeks before this one, leaving out weeks before
 * their first win and quiet weeks spent on pause, so neither a late start nor a holiday lowers it.
 * Null when no such week is left (their first week).
 */
export function usualWeek(history: WeekHistory): number | null {
  const first = firstWeekWithWins(history);
  if (first === undefined) return null;
  const current = epochDayOf(history.currentWeek);
  const counted: number[] = [];
  for (let back = 1; back <= USUAL_WEEKS; back++) {
    const day = current - 7 * back;
    if (day < first) break;
    const wins = winsIn(history, day);
    if (wins === 0 && history.pausedWeeks.has(formatLocalDate(localDateOfEpochDay(day)))) continue;
    counted.push(wins);
  }
  if (counted.length === 0) return null;
  return counted.reduce((sum, n) => sum + n, 0) / counted.length;
}

/** The best week before the current one (the earliest, on a tie): the "ghost" to chase. */
export function ghostWeek(history: WeekHistory): Ghost | null {
  const current = epochDayOf(history.currentWeek);
  let ghost: (Ghost & { day: number }) | null = null;
  for (const [monday, wins] of history.weeks) {
    const date = parseLocalDate(monday);
    if (date === null || wins <= 0) continue;
    const day = epochDayOf(date);
    if (day >= current) continue;
    if (ghost === null || wins > ghost.wins || (wins === ghost.wins && day < ghost.day)) ghost = { monday, wins, day };
  }
  return ghost === null ? null : { monday: ghost.monday, wins: ghost.wins };
}

/** Wins in the current week. */
export function winsThisWeek(history: WeekHistory): number {
  return history.weeks.get(formatLocalDate(history.currentWeek)) ?? 0;
}

/** Weeks between two repairs at least (SPEC §13: one repair per 8 weeks). */
export const REPAIR_EVERY_WEEKS = 8;

/**
 * The week a member may repair now (its Monday), if any: last week was empty (not paused, not repaired)
 * and broke a run whose last week had a win, and no week within 8 weeks before it was repaired. Offered
 * only during the week right after the empty one: two empty weeks are a rest, not a slip.
 */
export function repairableWeek(history: WeekHistory): string | undefined {
  const current = epochDayOf(history.currentWeek);
  const empty = current - 7;
  const emptyMonday = formatLocalDate(localDateOfEpochDay(empty));
  if (winsIn(history, empty) > 0 || history.pausedWeeks.has(emptyMonday) || history.repairedWeeks?.has(emptyMonday)) return undefined;
  if (winsIn(history, empty - 7) === 0) return undefined;
  for (const monday of history.repairedWeeks ?? []) {
    const date = parseLocalDate(monday);
    if (date !== null && epochDayOf(date) > empty - 7 * REPAIR_EVERY_WEEKS) return undefined;
  }
  return emptyMonday;
}

/** Everything `/progress` says about a member's own weeks. */
export interface ProgressFigures {
  thisWeek: number;
  usual: number | null;
  streaks: Streaks;
  ghost: Ghost | null;
  /** Monday of the empty week that may be repaired now, if any. */
  repairable?: string | undefined;
  /** How many weeks the member repaired, ever. */
  repairs?: number;
}

export function progressFigures(history: WeekHistory): ProgressFigures {
  return {
    thisWeek: winsThisWeek(history),
    usual: usualWeek(history),
    streaks: weeklyStreaks(history),
    ghost: ghostWeek(history),
    repairable: repairableWeek(history),
    repairs: history.repairedWeeks?.size ?? 0,
  };
}
