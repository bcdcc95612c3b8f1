import { nextRecapAt, recapWeekFor, shiftWallTime, type CoveredWeek, type RecapSchedule } from '../schedule.js';
import { seededRandom } from '../seeded-random.js';
import { addDays, daysInMonth, localDateOf, mondayOf, startOfLocalDay, weekKey, weekRange, type LocalDate, type Range } from '../time.js';

/** How many weeks before the covered one make the server's pace. */
export const PREVIOUS_WEEKS = 4;
/** "A month ago" in the archive: this many weeks before the covered week. */
export const MONTH_AGO_WEEKS = 4;

/** The seven local days starting on `first` (the covered dates a year or a month before), as instants. */
export function localWeekOf(timezone: string, first: LocalDate): Range {
  return { start: startOfLocalDay(timezone, first), end: startOfLocalDay(timezone, addDays(first, 7)) };
}

/** The same calendar date a year earlier (SPEC §4: by date, not ISO week number); 29 February becomes the 28th. */
export function sameDateAYearAgo(date: LocalDate): LocalDate {
  const year = date.year - 1;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

/** The seven-day spans before the covered one (each ending where the next begins), newest first. */
export function previousWeeks(timezone: string, week: CoveredWeek, count = PREVIOUS_WEEKS): Range[] {
  return Array.from({ length: count }, (_, i) => ({
    start: shiftWallTime(timezone, week.range.start, -7 * (i + 1)),
    end: shiftWallTime(timezone, week.range.start, -7 * i),
  }));
}

/**
 * The member's own week matching the server's covered week: the local week holding its midpoint,
 * so a member a few hours either side of the server still gets the same week (only its edges move).
 */
export function memberWeekFor(timezone: string, serverWeek: CoveredWeek): { weekStart: LocalDate; range: Range } {
  const midpoint = new Date((serverWeek.range.start.getTime() + serverWeek.range.end.getTime()) / 2);
  const range = weekRange(timezone, midpoint);
  return { weekStart: mondayOf(localDateOf(timezone, range.start)), range };
}

/** Random picks of a server's recap, seeded by server and week: the same data makes the same recap (preview, post, re-post). */
export function recapRandom(guildId: string, weekKey: string): () => number {
  return seededRandom(`${guildId}:${weekKey}`);
}

/**
 * What the server's next recap will cover (`/recap preview`): from the previous posted recap (or seven
 * days back) up to its moment, so the preview shows the wins so far exactly as the post would.
 */
export function previewWeek(
  guild: { timezone: string; recapDay: number; recapTime: string; nextRecapAt: Date | null },
  now: Date,
  previousEnd?: Date,
): CoveredWeek {
  const next =
    guild.nextRecapAt && guild.nextRecapAt.getTime() > now.getTime()
      ? guild.nextRecapAt
      : nextRecapAt({ day: guild.recapDay, time: guild.recapTime, timezone: guild.timezone }, now);
  return recapWeekFor(guild.timezone, next, previousEnd);
}

/** Of a goal's completed periods, the one that ended within `week` (a month still running has none). */
export function periodEndedIn<P extends { range: Range }>(week: { range: Range }, history: readonly P[]): P | undefined {
  const start = week.range.start.getTime();
  const end = week.range.end.getTime();
  return history.find((p) => p.range.end.getTime() > start && p.range.end.getTime() <= end);
}

/** How many of `instants` fall in each range, in the ranges' order. */
export function countsPerRange(instants: readonly Date[], ranges: readonly Range[]): number[] {
  return ranges.map((r) => instants.filter((at) => at.getTime() >= r.start.getTime() && at.getTime() < r.end.getTime()).length);
}

/** Closer than this to the previous recap, a recap in the same calendar week would be a second one that week. */
const RECAP_MIN_GAP_MS = 6 * 24 * 60 * 60_000;

/**
 * Whether a recap at `at` would be a second one in the week of the recap that went out at `previous`:
 * in the same calendar week (Monday to Sunday, in the schedule's timezone) and less than six days after
 * it. Needed beside the week keys: those change at Thursday noon (`recapWeekKey`), so a Thursday-morning
 * recap moved to the afternoon, or to Friday, reports a "new" week a few hours later.
 */
function sameWeekAs(timezone: string, previous: Date, at: Date): boolean {
  return at.getTime() - previous.getTime() < RECAP_MIN_GAP_MS && weekKey(timezone, previous) === weekKey(timezone, at);
}

/**
 * The next recap time that will really post (`/config` changing the schedule). Passed over: a time whose
 * covered week already has a recap (posted, skipped or in hand), which posts nothing (a Monday-morning
 * recap moved later that day); and, once this week's recap went out at `previousRecapAt`, any time in
 * the same week unless it is about a week later (a Thursday recap moved to that afternoon or to Friday):
 * the next comes on the configured day and time of the following week (SPEC §1.7, §4).
 */
export function nextRecapToPost(schedule: RecapSchedule, after: Date, weeksWithRecap: ReadonlySet<string>, previousRecapAt?: Date): Date {
  const passedOver = (at: Date) =>
    weeksWithRecap.has(recapWeekFor(schedule.timezone, at).key) || (previousRecapAt !== undefined && sameWeekAs(schedule.timezone, previousRecapAt, at));
  let at = nextRecapAt(schedule, after);
  // Runs exist only for weeks already begun, so a couple of steps always reach a fresh one.
  for (let i = 0; i < 4 && passedOver(at); i++) at = nextRecapAt(schedule, at);
  return at;
}
