import { createHash } from 'node:crypto';
import { claimDmRecap, dueDmRecaps, finishDmRecap, markDmsClosed, type DmRecapStatus, type DueDmRecap } from '../db/dm-recaps.js';
import { gatherPersonalWeek } from '../db/personal-week.js';
import { composePersonalRecap } from '../domain/recap/personal.js';
import { recapWeekFor } from '../domain/schedule.js';
import type { JobDeps } from './recap.js';

export interface DmTickSummary {
  sent: number;
  dmsClosed: number;
  failed: number;
}

// DMs are opened one by one; the rest wait for the next minute's tick.
const DMS_PER_TICK = 50;

/** Discord nonces are at most 25 characters: a digest of the member and week keeps it unique and stable. */
export function dmRecapNonce(recap: { guildId: string; userId: string; weekKey: string }): string {
  const digest = createHash('sha256').update(`${recap.guildId}:${recap.userId}:${recap.weekKey}`).digest('base64url');
  return `sw-dm-${digest.slice(0, 19)}`;
}

async function sendOne(deps: JobDeps, recap: DueDmRecap, now: Date): Promise<DmRecapStatus | undefined> {
  const key = { guildId: recap.guildId, userId: recap.userId };
  if (!(await claimDmRecap(deps.db, key, recap.weekKey, now, deps.leaseMs))) return undefined;
  const serverWeek = { ...recapWeekFor(recap.serverTimezone, recap.scheduledFor), key: recap.weekKey };
  const data = await gatherPersonalWeek(deps.db, key, serverWeek, now, deps.random);
  const result = await deps.delivery.dm(recap.userId, composePersonalRecap(data, { random: deps.random }), { nonce: dmRecapNonce(recap) });
  const status: DmRecapStatus = result.ok ? 'sent' : result.failure === 'dms-closed' ? 'dms-closed' : 'failed';
  await finishDmRecap(deps.db, key, recap.weekKey, status, now);
  if (status === 'dms-closed') await markDmsClosed(deps.db, key, now);
  if (!result.ok) deps.logger.info({ guild: recap.guildId, user: recap.userId, failure: result.failure }, 'dm recap: not delivered');
  return status;
}

/**
 * Personal recaps by DM (SPEC §4) for members who asked for them, after their server's recap went
 * out: claimed per member and week before sending, so each goes out once. Closed DMs are
 * remembered so the member is not tried again every week.
 */
export async function runDmRecaps(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const summary: DmTickSummary = { sent: 0, dmsClosed: 0, failed: 0 };
  const due = await dueDmRecaps(deps.db, now, { limit: DMS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  for (const recap of due) {
    try {
      const status = await sendOne(deps, recap, now);
      if (status === 'sent') summary.sent += 1;
      else if (status === 'dms-closed') summary.dmsClosed += 1;
      else if (status === 'failed') summary.failed += 1;
    } catch (error) {
      deps.logger.error({ err: error, guild: recap.guildId, user: recap.userId }, 'dm recap: unexpected error');
    }
  }
  return summary;
}
