import { tickTime } from './tick-time.js';
import {
  claimDueRecaps,
  finishRecapRun,
  reclaimStaleRecaps,
  renewRecapClaim,
  recordEncouragement,
  RECAP_MISSED_AFTER_MS,
  setRecapProblem,
  type ClaimedRecap,
} from '../db/recap.js';
import { CLAIM_MAX_ATTEMPTS } from '../db/leases.js';
import { pairWeek } from '../db/partners.js';
import { markShown } from '../db/remember.js';
import type { DeliveryResult } from '../discord/delivery.js';
import { renderRecapPost } from '../discord/render/recap.js';
import { refreshRoleConnections } from '../features/consistency.js';
import { serverLocaleOf } from '../db/locales.js';
import { localeOf, translator } from '../i18n/index.js';
import { isRecapOf, type MarkedSpan } from '../domain/recap-marker.js';
import { describeRecapProblem, type RecapProblem } from '../domain/recap/problem.js';
import { composeServerRecap, recapCoverage } from '../features/recap.js';
import { serverRefusedTheBot } from '../features/server-presence.js';
import type { JobDeps } from './deps.js';

export interface RecapTickSummary {
  posted: number;
  /** Found already posted by a process that died before recording it. */
  adopted: number;
  skipped: number;
  failed: number;
  /** Left claimed after a transient failure, for a later tick. */
  pending: number;
}

const BATCH = 5;
const MAX_BATCHES_PER_TICK = 20;
// Minutes late before the recap says so: a tick or a retry a few minutes after the hour is not "late".
const LATE_NOTE_MINUTES = 10;
// Enough to see a recap posted moments before a crash, even in a busy channel.
const LOOKBACK_MESSAGES = 50;

const SERVER_LEFT_NOTE = 'the bot is not in this server';

export const recapNonce = (runId: number): string => `sw-recap-${runId}`;

// Stored as a code with the channel id beside it (guilds.recap_channel_id): each surface names the channel its own way.
function problemOf(result: Extract<DeliveryResult, { ok: false }>): RecapProblem | undefined {
  return result.failure === 'missing-permission' || result.failure === 'unknown-channel' ? result.failure : undefined;
}

type Outcome = keyof RecapTickSummary;

/** Before posting a run again, looks for the recap a previous claimant may have posted just before dying. */
async function alreadyPosted(deps: JobDeps, run: ClaimedRecap, channelId: string, span: MarkedSpan): Promise<string | undefined> {
  if (run.attempts <= 1) return undefined;
  try {
    const recent = await deps.delivery.recentOwnMessages(channelId, LOOKBACK_MESSAGES);
    return recent.find((m) => isRecapOf(m, span))?.id;
  } catch (error) {
    // The nonce still guards against a duplicate; the post itself will report a lasting problem.
    deps.logger.warn({ err: error, guild: run.guildId, run: run.runId }, 'recap: could not look for an earlier post');
    return undefined;
  }
}

/** Keeps the consistency role's value current after the recap (SPEC §13); a failure here never touches the recap. */
async function refreshRolesAfterRecap(deps: JobDeps, guildId: string, now: Date): Promise<void> {
  if (!deps.roleLinks) return;
  try {
    const outcome = await refreshRoleConnections({ db: deps.db, clock: { now: () => now }, sealKey: deps.roleLinks.sealKey }, guildId, deps.roleLinks);
    if (outcome.pushed + outcome.skipped > 0) deps.logger.info({ guild: guildId, ...outcome }, 'recap: consistency roles refreshed');
  } catch (error) {
    deps.logger.warn({ err: { name: (error as Error).name }, guild: guildId }, 'recap: consistency roles not refreshed');
  }
}

async function deliverRun(deps: JobDeps, run: ClaimedRecap, now: Date): Promise<Outcome> {
  const { db, logger } = deps;
  const log = logger.child({ guild: run.guildId, run: run.runId, week: run.weekKey, attempt: run.attempts });
  const channelId = run.channelId;
  const lateMs = now.getTime() - run.scheduledFor.getTime();
  // Taken over from a process that claimed it before the bot was removed: no pairs, no post, no DMs.
  if (run.serverLeft) {
    await finishRecapRun(db, run.runId, { status: 'skipped', note: SERVER_LEFT_NOTE }, now);
    return 'skipped';
  }
  if (lateMs >= RECAP_MISSED_AFTER_MS) {
    await finishRecapRun(db, run.runId, { status: 'skipped', note: 'missed by over 24 hours' }, now);
    return 'skipped';
  }
  // The week's partners are made once, before the recap that announces them is composed, and whatever
  // the channel does: a refused post still leaves the pairs and the personal recaps (SPEC §4, §5).
  await pairWeek(db, run.guildId, run.scheduledFor, now);
  if (!channelId || run.recapProblem) {
    const note = run.recapProblem ? describeRecapProblem(run.recapProblem, `channel ${channelId ?? 'unset'}`) : 'no recap channel is set';
    await finishRecapRun(db, run.runId, { status: 'failed', note }, now);
    return 'failed';
  }
  const server = { id: run.guildId, timezone: run.timezone };
  const week = await recapCoverage(deps, server, run.scheduledFor, run.weekKey);
  const earlier = await alreadyPosted(deps, run, channelId, week);
  if (earlier) {
    await finishRecapRun(db, run.runId, { status: 'posted', channelId, messageId: earlier, note: 'found posted by an earlier attempt' }, now);
    log.info({ message: earlier }, 'recap: adopted an earlier post');
    return 'adopted';
  }
  const lateMinutes = Math.floor(lateMs / 60_000);
  const late = lateMinutes >= LATE_NOTE_MINUTES ? lateMinutes : undefined;
  const recap = await composeServerRecap(deps, server, week, { now, runId: run.runId, ...(late ? { lateByMinutes: late } : {}) });
  const tr = translator(localeOf(await serverLocaleOf(db, run.guildId)));
  const result = await deps.delivery.post(channelId, renderRecapPost(recap, tr), { nonce: recapNonce(run.runId), guildId: run.guildId });
  if (result.ok) {
    const note = late ? `posted ${late} minutes late` : undefined;
    await finishRecapRun(db, run.runId, { status: 'posted', channelId: result.channelId, messageId: result.messageId, ...(note ? { note } : {}) }, now);
    await recordEncouragement(db, run.guildId, run.weekKey, recap.lineIds, now);
    await markShown(db, recap.shownWinIds, now);
    log.info({ message: result.messageId, lateMinutes }, 'recap: posted');
    await refreshRolesAfterRecap(deps, run.guildId, now);
    return 'posted';
  }
  if (result.failure === 'not-in-server') {
    // Not the channel's fault: when the bot is added back, the recap goes to the same channel without an admin's help.
    await serverRefusedTheBot(deps, run.guildId, now, result.detail);
    await finishRecapRun(db, run.runId, { status: 'skipped', channelId, note: SERVER_LEFT_NOTE }, now);
    return 'skipped';
  }
  const problem = problemOf(result);
  if (problem) await setRecapProblem(db, run.guildId, channelId, problem);
  if (result.failure === 'transient' && run.attempts < CLAIM_MAX_ATTEMPTS) {
    // Left claimed: once the lease runs out, a later tick (of any process) tries again.
    log.warn({ detail: result.detail }, 'recap: Discord unavailable, will retry');
    return 'pending';
  }
  await finishRecapRun(db, run.runId, { status: 'failed', channelId, note: problem ? describeRecapProblem(problem, `channel ${channelId}`) : `${result.failure}: ${result.detail}` }, now);
  log.warn({ failure: result.failure, detail: result.detail }, 'recap: failed');
  return 'failed';
}

/**
 * One sweep of the weekly recaps (SPEC §4, §7): takes over abandoned runs, then claims due servers a
 * few at a time and posts each after its claim is committed, recording the outcome.
 */
export async function runRecaps(deps: JobDeps, now: Date): Promise<RecapTickSummary> {
  const summary: RecapTickSummary = { posted: 0, adopted: 0, skipped: 0, failed: 0, pending: 0 };
  const at = tickTime(now);
  const deliverAll = async (runs: readonly ClaimedRecap[]) => {
    for (const run of runs) {
      try {
        // Runs of a batch are posted one after another: the lease restarts at each post, and a run
        // another process has taken over meanwhile is left to it.
        if (!(await renewRecapClaim(deps.db, run.runId, deps.instanceId, at()))) {
          summary.pending += 1;
          continue;
        }
        summary[await deliverRun(deps, run, now)] += 1;
      } catch (error) {
        // Unknown outcome: the run stays claimed and the lease lets another attempt find out.
        summary.pending += 1;
        deps.logger.error({ err: error, guild: run.guildId, run: run.runId }, 'recap: unexpected error');
      }
    }
  };
  const claim = { now, instanceId: deps.instanceId, limit: BATCH };
  await deliverAll(await reclaimStaleRecaps(deps.db, { ...claim, limit: BATCH * 4, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) }));
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
    const { due, toPost, skipped } = await claimDueRecaps(deps.db, claim);
    summary.skipped += skipped.length;
    for (const run of toPost) deps.observer?.claimedLate('recaps', now.getTime() - run.scheduledFor.getTime());
    for (const run of skipped) deps.logger.info({ guild: run.guildId, week: run.weekKey }, 'recap: skipped, missed by over 24 hours');
    await deliverAll(toPost);
    if (due < BATCH) break;
  }
  return summary;
}
