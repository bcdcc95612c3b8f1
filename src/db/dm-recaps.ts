import { and, asc, eq, gt, isNull, not } from 'drizzle-orm';
import type { Db } from './client.js';
import { unsentDm } from './member-dms.js';
import type { MemberKey } from './members.js';
import { memberPausedAt } from './pauses.js';
import { RECAP_MISSED_AFTER_MS } from './recap.js';
import { guilds, members, recapRuns } from './schema.js';

/** A personal recap to send: the member, and the server recap it follows. */
export interface DueDmRecap extends MemberKey {
  weekKey: string;
  scheduledFor: Date;
  serverTimezone: string;
}

/**
 * Members owed a personal recap: those with DMs on (and not bounced), not paused now, in servers
 * whose recap went out in the last 24 hours, with that week's recap DM still to send.
 */
export async function dueDmRecaps(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<DueDmRecap[]> {
  const dm = unsentDm('recap', recapRuns.weekKey, now, options.leaseMs);
  return db
    .select({ guildId: members.guildId, userId: members.userId, weekKey: recapRuns.weekKey, scheduledFor: recapRuns.scheduledFor, serverTimezone: guilds.timezone })
    .from(recapRuns)
    .innerJoin(guilds, eq(guilds.id, recapRuns.guildId))
    .innerJoin(members, and(eq(members.guildId, recapRuns.guildId), eq(members.dms, true), isNull(members.dmsClosedAt)))
    .leftJoin(dm.table, dm.join)
    .where(
      and(
        eq(recapRuns.status, 'posted'),
        gt(recapRuns.finishedAt, new Date(now.getTime() - RECAP_MISSED_AFTER_MS)),
        dm.stillToSend,
        not(memberPausedAt(db, now)),
      ),
    )
    .orderBy(asc(recapRuns.finishedAt), asc(members.userId))
    .limit(options.limit);
}
