import { epochDayOf, formatLocalDate, localDateOfEpochDay, type LocalDate } from './time-calendar.js';
import type { CountsByDate } from './streaks.js';

/** The consistency role's one number (SPEC §13): weeks with a win among the last 6, the current one included. */
export const CONSISTENCY_WEEKS = 6;
export const ROLE_METADATA_KEY = 'weeks_active';

/** What the app registers with Discord: an integer a server's linked role compares with "at least N". */
export const ROLE_CONNECTION_METADATA = [
  {
    // 2 = INTEGER_GREATER_THAN_OR_EQUAL
    type: 2,
    key: ROLE_METADATA_KEY,
    name: 'Weeks active',
    description: `Weeks with a win, of the last ${CONSISTENCY_WEEKS}`,
  },
] as const;

/** Weeks among the last 6 (ending with the current one) with at least one win. */
export function weeksActiveOfLast(weeks: CountsByDate, currentWeek: LocalDate, span = CONSISTENCY_WEEKS): number {
  const current = epochDayOf(currentWeek);
  let active = 0;
  for (let back = 0; back < span; back++) if ((weeks.get(formatLocalDate(localDateOfEpochDay(current - 7 * back))) ?? 0) > 0) active += 1;
  return active;
}
