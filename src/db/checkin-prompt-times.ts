import { and, eq, gte } from 'drizzle-orm';
import { nextPromptAt } from '../domain/checkin-prompt.js';
import { weekKey } from '../domain/time.js';
import { promptablePairing } from './checkins.js';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import { memberTimezoneSql } from './member-time-sql.js';
import { guilds, members, pairings } from './schema.js';

const DAY_MS = 86_400_000;

/**
 * The earliest moment in (after, upTo] at which a check-in prompt becomes due for someone who could
 * get one: where a clock jump passed over a check-in day, so the scheduler ticks there too. Read
 * per (timezone, check-in day) in use among paired members who want DMs, from the week of `after` on.
 */
export async function nextPromptDueBetween(db: Db, after: Date, upTo: Date): Promise<Date | undefined> {
  // Week keys sort as text; a day back covers every zone's week at `after`.
  const fromWeek = weekKey('UTC', new Date(after.getTime() - DAY_MS));
  const zone = memberTimezoneSql(pairings);
  const rows = await db
    .selectDistinct({ zone, checkinDay: guilds.checkinDay })
    .from(pairings)
    .innerJoin(guilds, eq(guilds.id, pairings.guildId))
    .innerJoin(members, ofMember(members, pairings))
    .where(and(gte(pairings.weekKey, fromWeek), promptablePairing));
  let earliest: Date | undefined;
  for (const { zone: tz, checkinDay } of rows) {
    const at = nextPromptAt(tz, checkinDay, after);
    if (at.getTime() <= upTo.getTime() && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
