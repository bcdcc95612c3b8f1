import { createHash } from 'node:crypto';
import { finishMemberDm, type MemberDm, type MemberDmStatus } from '../db/member-dms.js';
import { CLAIM_MAX_ATTEMPTS } from '../db/leases.js';
import type { OutgoingMessage } from '../discord/render/outgoing.js';
import { decideDms, sendPermittedDm } from '../features/dm-gate.js';
import { memberLocaleOf } from '../db/locales.js';
import type { MemberKey } from '../db/members.js';
import { localeOf, translator, type Translator } from '../i18n/index.js';
import type { JobDeps } from './deps.js';
import { tickTime } from './tick-time.js';

/** How one DM went this tick; 'retry': a transient failure, left claimed for a later tick. */
export type MemberDmOutcome = MemberDmStatus | 'retry';

export interface DmTickSummary {
  sent: number;
  dmsClosed: number;
  /** Failed this tick, for good or (transient, attempts left) to be tried again later. */
  failed: number;
}

// Discord nonces are at most 25 characters: a digest of the member and period keeps it unique and stable.
const NONCE_PREFIX: Record<MemberDm['kind'], string> = { recap: 'sw-dm-', 'checkin-prompt': 'sw-ci-', 'plan-reminder': 'sw-pl-', 'fresh-start': 'sw-fs-' };

/** The same for every attempt at one DM, so Discord returns the earlier message instead of sending it twice. */
export function memberDmNonce(dm: MemberDm): string {
  return NONCE_PREFIX[dm.kind] + createHash('sha256').update(`${dm.guildId}:${dm.userId}:${dm.period}`).digest('base64url').slice(0, 19);
}

/**
 * Asks the DM gate (which claims it), composes, sends and records one DM: each goes out once. A
 * transient failure stays claimed and is tried again once the lease runs out, up to the attempts of
 * every claim; closed DMs are remembered so the member is not tried again. Undefined when the gate
 * refuses it (no consent, a pause, or another claim holds it).
 */
export async function sendMemberDm(deps: JobDeps, dm: MemberDm, compose: () => Promise<OutgoingMessage>, now: Date): Promise<MemberDmOutcome | undefined> {
  const to = { guildId: dm.guildId, userId: dm.userId };
  const { permits } = await decideDms(deps.db, { kind: dm.kind, to, period: dm.period, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) }, now);
  const [permit] = permits;
  if (!permit) return undefined;
  const attempts = permit.attempt;
  const result = await sendPermittedDm(deps, permit, await compose(), now, { nonce: memberDmNonce(dm) });
  if (result.ok) {
    await finishMemberDm(deps.db, dm, 'sent', now);
    return 'sent';
  }
  deps.logger.info({ guild: dm.guildId, user: dm.userId, kind: dm.kind, attempt: attempts, failure: result.failure }, 'member dm: not delivered');
  if (result.failure === 'dms-closed') {
    await finishMemberDm(deps.db, dm, 'dms-closed', now);
    return 'dms-closed';
  }
  if (result.failure === 'transient' && attempts < CLAIM_MAX_ATTEMPTS) return 'retry';
  await finishMemberDm(deps.db, dm, 'failed', now, `${result.failure}: ${result.detail}`);
  return 'failed';
}

/** The language a member's DMs speak: the one remembered from their last interaction here (SPEC §12), else English. */
export async function memberTranslator(db: JobDeps['db'], key: MemberKey): Promise<Translator> {
  return translator(localeOf(await memberLocaleOf(db, { guildId: key.guildId, userId: key.userId })));
}

/** Sends each due DM in turn, one failing not stopping the rest, and counts how they went. */
export async function sendEach<T extends MemberDm>(deps: JobDeps, due: readonly T[], compose: (dm: T) => Promise<OutgoingMessage>, now: Date): Promise<DmTickSummary> {
  const summary: DmTickSummary = { sent: 0, dmsClosed: 0, failed: 0 };
  // Each DM is claimed as it is sent, stamped with the time it really is by then.
  const at = tickTime(now);
  for (const dm of due) {
    try {
      const outcome = await sendMemberDm(deps, dm, () => compose(dm), at());
      if (outcome === 'sent') summary.sent += 1;
      else if (outcome === 'dms-closed') summary.dmsClosed += 1;
      else if (outcome === 'failed' || outcome === 'retry') summary.failed += 1;
    } catch (error) {
      deps.logger.error({ err: error, guild: dm.guildId, user: dm.userId, kind: dm.kind }, 'member dm: unexpected error');
    }
  }
  return summary;
}
