import { and, asc, eq, gt, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { RECAP_LEASE_MS, RECAP_MISSED_AFTER_MS } from './recap.js';
import { dmRecaps, guilds, members, pauses, recapRuns } from './schema.js';

/** A personal recap to send: the member, and the server recap it follows. */
export interface DueDmRecap extends MemberKey {
  weekKey: string;
  scheduledFor: Date;
  serverTimezone: string;
}

export type DmRecapStatus = 'sent' | 'dms-closed' | 'failed';

/**
 * Members owed a personal recap: those with DMs on (and not bounced), not paused now, in servers
 * whose recap went out in the last 24 hours, with no DM claimed for that week yet (or a claim
 * abandoned for longer than the lease).
 */
export async function dueDmRecaps(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<DueDmRecap[]> {
  const pausedNow = db
    .select({ one: sql`1` })
    .from(pauses)
    .where(and(eq(pauses.guildId, members.guildId), eq(pauses.userId, members.userId), lte(pauses.startedAt, now), or(isNull(pauses.endsAt), gt(pauses.endsAt, now))));
  const abandoned = and(eq(dmRecaps.status, 'claimed'), lt(dmRecaps.claimedAt, new Date(now.getTime() - (options.leaseMs ?? RECAP_LEASE_MS))));
  return db
    .select({ guildId: members.guildId, userId: members.userId, weekKey: recapRuns.weekKey, scheduledFor: recapRuns.scheduledFor, serverTimezone: guilds.timezone })
    .from(recapRuns)
    .innerJoin(guilds, eq(guilds.id, recapRuns.guildId))
    .innerJoin(members, and(eq(members.guildId, recapRuns.guildId), eq(members.dms, true), isNull(members.dmsClosedAt)))
    .leftJoin(dmRecaps, and(eq(dmRecaps.guildId, members.guildId), eq(dmRecaps.userId, members.userId), eq(dmRecaps.weekKey, recapRuns.weekKey)))
    .where(
      and(
        eq(recapRuns.status, 'posted'),
        gt(recapRuns.finishedAt, new Date(now.getTime() - RECAP_MISSED_AFTER_MS)),
        or(isNull(dmRecaps.userId), abandoned),
        notExists(pausedNow),
      ),
    )
    .orderBy(asc(recapRuns.finishedAt), asc(members.userId))
    .limit(options.limit);
}

/** Claims the member's personal recap of a week (exactly once), or takes over a claim abandoned past the lease. */
export async function claimDmRecap(db: Db, key: MemberKey, weekKey: string, now: Date, leaseMs = RECAP_LEASE_MS): Promise<boolean> {
  const inserted = await db
    .insert(dmRecaps)
    .values({ ...key, weekKey, status: 'claimed', claimedAt: now })
    .onConflictDoNothing()
    .returning({ userId: dmRecaps.userId });
  if (inserted.length > 0) return true;
  const retaken = await db
    .update(dmRecaps)
    .set({ claimedAt: now })
    .where(and(thisRecap(key, weekKey), eq(dmRecaps.status, 'claimed'), lt(dmRecaps.claimedAt, new Date(now.getTime() - leaseMs))))
    .returning({ userId: dmRecaps.userId });
  return retaken.length > 0;
}

const thisRecap = (key: MemberKey, weekKey: string) =>
  and(eq(dmRecaps.guildId, key.guildId), eq(dmRecaps.userId, key.userId), eq(dmRecaps.weekKey, weekKey));

export async function finishDmRecap(db: Db, key: MemberKey, weekKey: string, status: DmRecapStatus, now: Date): Promise<void> {
  await db
    .update(dmRecaps)
    .set({ status, finishedAt: now })
    .where(and(thisRecap(key, weekKey), eq(dmRecaps.status, 'claimed')));
}

/** The member's DMs bounced: no more personal recaps until they turn DMs on again (which clears this). */
export async function markDmsClosed(db: Db, key: MemberKey, now: Date): Promise<void> {
  await db
    .update(members)
    .set({ dmsClosedAt: now })
    .where(and(eq(members.guildId, key.guildId), eq(members.userId, key.userId)));
}
