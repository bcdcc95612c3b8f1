import { and, eq, isNull, not, or, sql } from 'drizzle-orm';
import { freshStartDueIn, nextFreshStartAfter, type FreshStartDue } from '../domain/fresh-start.js';
import type { Db } from './client.js';
import { CLAIM_LEASE_MS, CLAIM_MAX_ATTEMPTS, leaseExpiredBefore } from './leases.js';
import type { MemberKey } from './member-filter.js';
import { memberPausedAt } from './pauses.js';
import { guilds, members } from './schema.js';

export interface FreshStartCandidate extends MemberKey, FreshStartDue {
  timezone: string;
}

// memberTimezoneSql's rule (own, else the server's, else UTC), over members joined to guilds.
const zone = sql<string>`coalesce(${members.timezone}, ${guilds.timezone}, 'UTC')`;
// Asked for fresh starts and DMs, not bounced, in a server the bot is still in (a removed one's data stays, for when it is back).
const wanting = and(eq(members.freshStart, true), eq(members.dms, true), isNull(members.dmsClosedAt), isNull(guilds.leftAt));

/**
 * Members who asked for fresh starts and DMs (and have not bounced one), not paused, for whom it is the
 * first morning of a week or month in their timezone (else the server's), whose line for that week or
 * month was neither sent nor claimed. Worked out per timezone in use, the members in SQL.
 */
export async function freshStartCandidates(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<FreshStartCandidate[]> {
  const zones = await db.selectDistinct({ zone }).from(members).innerJoin(guilds, eq(guilds.id, members.guildId)).where(wanting);
  const cutoff = leaseExpiredBefore(now, options.leaseMs ?? CLAIM_LEASE_MS).toISOString();
  const dueNow = zones.flatMap(({ zone: tz }) => {
    const due = freshStartDueIn(tz, now);
    if (!due) return [];
    const unclaimed = sql`not exists (select 1 from member_dms d where d.guild_id = ${members.guildId} and d.user_id = ${members.userId}
      and d.kind = 'fresh-start' and d.period = ${due.period}
      and not (d.status = 'claimed' and d.claimed_at < ${cutoff}::timestamptz and d.attempts < ${CLAIM_MAX_ATTEMPTS}))`;
    return [and(eq(zone, tz), unclaimed)];
  });
  if (dueNow.length === 0) return [];
  const rows = await db
    .select({ guildId: members.guildId, userId: members.userId, zone })
    .from(members)
    .innerJoin(guilds, eq(guilds.id, members.guildId))
    .where(and(wanting, or(...dueNow), not(memberPausedAt(db, now))))
    .orderBy(members.guildId, members.userId)
    .limit(options.limit);
  return rows.flatMap((row) => {
    const due = freshStartDueIn(row.zone, now);
    return due ? [{ guildId: row.guildId, userId: row.userId, timezone: row.zone, ...due }] : [];
  });
}

/** The earliest first morning in (after, upTo] of any member who asked for fresh starts, for the scheduler's catch-up. */
export async function nextFreshStartDueBetween(db: Db, after: Date, upTo: Date): Promise<Date | undefined> {
  const zones = await db.selectDistinct({ zone }).from(members).innerJoin(guilds, eq(guilds.id, members.guildId)).where(wanting);
  let earliest: Date | undefined;
  for (const { zone: tz } of zones) {
    const moment = nextFreshStartAfter(tz, after);
    if (moment.getTime() <= upTo.getTime() && (earliest === undefined || moment < earliest)) earliest = moment;
  }
  return earliest;
}
