import { epochDayOf, formatLocalDate, localDateOf, localDateOfEpochDay, offsetMinutesAt } from './time.js';

const DAY_MS = 86_400_000;
// Offsets change at most twice a year (Morocco's Ramadan pause: a month apart), so a week whose two
// ends share an offset has it throughout; a week with a change is worked out win by win.
const BUCKET_MS = 7 * DAY_MS;

/**
 * Instants (epoch milliseconds) per local day (`YYYY-MM-DD` → count) in `timezone`: the same answer as
 * `localDateOf` for each, with two zone look-ups per week instead of one per win (a long history has thousands).
 * Days appear in the order their first instant does.
 */
export function countByLocalDay(timezone: string, epochMs: Iterable<number>): Map<string, number> {
  const offsetOfBucket = new Map<number, number | null>();
  const byEpochDay = new Map<number, number>();
  for (const ms of epochMs) {
    const bucket = Math.floor(ms / BUCKET_MS);
    let offsetMs = offsetOfBucket.get(bucket);
    if (offsetMs === undefined) {
      const first = offsetMinutesAt(timezone, new Date(bucket * BUCKET_MS));
      const last = offsetMinutesAt(timezone, new Date((bucket + 1) * BUCKET_MS - 1));
      offsetMs = first === last ? first * 60_000 : null;
      offsetOfBucket.set(bucket, offsetMs);
    }
    const day = offsetMs === null ? epochDayOf(localDateOf(timezone, new Date(ms))) : Math.floor((ms + offsetMs) / DAY_MS);
    byEpochDay.set(day, (byEpochDay.get(day) ?? 0) + 1);
  }
  const days = new Map<string, number>();
  for (const [day, n] of byEpochDay) days.set(formatLocalDate(localDateOfEpochDay(day)), n);
  return days;
}

/** How many Monday-start weeks the win calendar shows, on Discord and on the web. */
export const CALENDAR_WEEKS = 26;
