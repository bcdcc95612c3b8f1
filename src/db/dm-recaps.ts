import { and, asc, eq, gt, inArray, isNull, not, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { unsentDm } from './member-dms.js';
import type { MemberKey } from './members.js';
import { memberPausedAt } from './pauses.js';
import { RECAP_MISSED_AFTER_MS } from './recap.js';
import { guilds, members, recapRuns } from './schema.js';

/** A personal recap to send: the member, and the server recap it follows. */
export interface DueDmRecap extends MemberKey {
  runId: number;
  weekKey: string;
  scheduledFor: Date;
  serverTimezone: string;
  /** Whether the server's recap reached its channel (and so announced the partners). */
  posted: boolean;
  /** The member's Discord language from their last interaction; null: English. */
  locale: string | null;
}

/**
 * Members owed a personal recap: members of servers whose recap run ended in the last 24 hours
 * (posted, or refused by its channel: the DMs do not depend on the post), with that week's recap DM
 * still to send. The DM gate (src/features/dm-gate.ts) decides whether each may be sent; consent and
 * pause are filtered here too only so a refused member does not take a place in every tick's batch.
 */
export async function dueDmRecaps(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<DueDmRecap[]> {
  const dm = unsentDm('recap', recapRuns.weekKey, now, options.leaseMs);
  return db
    .select({
      guildId: members.guildId,
      userId: members.userId,
      runId: recapRuns.id,
      weekKey: recapRuns.weekKey,
      scheduledFor: recapRuns.scheduledFor,
      serverTimezone: guilds.timezone,
      posted: sql<boolean>`${recapRuns.status} = 'posted'`,
      locale: members.locale,
    })
    .from(recapRuns)
    .innerJoin(guilds, eq(guilds.id, recapRuns.guildId))
    .innerJoin(members, and(eq(members.guildId, recapRuns.guildId), eq(members.dms, true), isNull(members.dmsClosedAt)))
    .leftJoin(dm.table, dm.join)
    .where(
      and(
        inArray(recapRuns.status, ['posted', 'failed']),
        // Nothing about a server that removed the bot (its data stays, for when it is back).
        isNull(guilds.leftAt),
        gt(recapRuns.finishedAt, new Date(now.getTime() - RECAP_MISSED_AFTER_MS)),
        dm.stillToSend,
        not(memberPausedAt(db, now)),
      ),
    )
    .orderBy(asc(recapRuns.finishedAt), asc(members.userId))
    .limit(options.limit);
}
