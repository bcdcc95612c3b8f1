import { and, eq, gt, lte, or } from 'drizzle-orm';
import { nextPromptAt } from '../domain/checkin-prompt.js';
import { promptablePairing } from './checkins.js';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import { pairingInForceAt } from './partners.js';
import { memberTimezoneSql } from './member-time-sql.js';
import { guilds, members, pairings } from './schema.js';

/**
 * The earliest moment in (after, upTo] at which a check-in prompt becomes due for someone who could
 * get one: where a clock jump passed over a check-in day, so the scheduler ticks there too. Read
 * per (timezone, check-in day) in use among paired members who want DMs, under a pairing in force at some
 * moment of the span: the one in force at `after`, or one made after it.
 */
export async function nextPromptDueBetween(db: Db, after: Date, upTo: Date): Promise<Date | undefined> {
  const zone = memberTimezoneSql(pairings);
  const rows = await db
    .selectDistinct({ zone, checkinDay: guilds.checkinDay })
    .from(pairings)
    .innerJoin(guilds, eq(guilds.id, pairings.guildId))
    .innerJoin(members, ofMember(members, pairings))
    .where(and(or(pairingInForceAt(db, after), and(gt(pairings.createdAt, after), lte(pairings.createdAt, upTo))), promptablePairing));
  let earliest: Date | undefined;
  for (const { zone: tz, checkinDay } of rows) {
    const at = nextPromptAt(tz, checkinDay, after);
    if (at.getTime() <= upTo.getTime() && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest;
}
