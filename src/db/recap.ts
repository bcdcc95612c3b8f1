import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import { GUILD_DEFAULTS } from '../domain/guild-defaults.js';
import type { RecapProblem } from '../domain/recap/problem.js';
import { nextRecapAt, recapWeekFor } from '../domain/schedule.js';
import { weekRange } from '../domain/time.js';
import type { Db } from './client.js';
import { CLAIM_LEASE_MS, CLAIM_MAX_ATTEMPTS, leaseExpiredBefore } from './leases.js';
import { encouragementUses, guilds, recapRuns } from './schema.js';

/** A recap later than this is skipped rather than posted (SPEC §7). */
export const RECAP_MISSED_AFTER_MS = 24 * 60 * 60_000;
const ENCOURAGEMENT_MEMORY_MS = 8 * 7 * 24 * 60 * 60_000;

/** A claimed recap run, with what posting it needs from its server as it is now. */
export interface ClaimedRecap {
  runId: number;
  guildId: string;
  weekKey: string;
  scheduledFor: Date;
  attempts: number;
  channelId: string | null;
  timezone: string;
  recapProblem: string | null;
  /** The bot was removed from the server since the run was claimed: nothing goes to it. */
  serverLeft: boolean;
}

const scheduleOf = (row: { recapDay: number; recapTime: string; timezone: string }) => ({
  day: row.recapDay,
  time: row.recapTime,
  timezone: row.timezone,
});


// Settings are validated by /config; a row that still fails (say, a timezone ICU dropped) must not block the sweep.
function timingOf(guild: typeof guilds.$inferSelect, scheduledFor: Date, now: Date): { weekKey: string; next: Date } | undefined {
  try {
    return { weekKey: recapWeekFor(guild.timezone, scheduledFor).key, next: nextRecapAt(scheduleOf(guild), now) };
  } catch {
    return undefined;
  }
}

/**
 * Claims up to `limit` due servers (`FOR UPDATE SKIP LOCKED`, so processes share the work): each
 * gets a run for the week its recap covers (none if one exists: `ON CONFLICT DO NOTHING`) and its
 * next time moves past `now`, without backlog. Runs over 24 hours late are recorded as skipped.
 * Returns the runs to post; the caller posts them after this transaction has committed.
 */
export async function claimDueRecaps(db: Db, options: { now: Date; instanceId: string; limit: number }): Promise<{ due: number; toPost: ClaimedRecap[]; skipped: ClaimedRecap[] }> {
  const { now, instanceId, limit } = options;
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(guilds)
      // A server whose channel refused the bot still has its run: partners and DMs do not depend on the post (SPEC §4, §5).
      // One that removed the bot keeps its due time, untouched, until the bot is back (guilds_next_recap_idx holds only the others).
      .where(and(lte(guilds.nextRecapAt, now), isNotNull(guilds.recapChannelId), isNull(guilds.leftAt)))
      .orderBy(asc(guilds.nextRecapAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const toPost: ClaimedRecap[] = [];
    const skipped: ClaimedRecap[] = [];
    for (const guild of due) {
      const scheduledFor = guild.nextRecapAt ?? now;
      const missed = now.getTime() - scheduledFor.getTime() >= RECAP_MISSED_AFTER_MS;
      const timing = timingOf(guild, scheduledFor, now);
      if (!timing) {
        await tx.update(guilds).set({ nextRecapAt: null, recapProblem: 'invalid-schedule' satisfies RecapProblem }).where(eq(guilds.id, guild.id));
        continue;
      }
      const [run] = await tx
        .insert(recapRuns)
        .values({
          guildId: guild.id,
          weekKey: timing.weekKey,
          scheduledFor,
          coversUntil: scheduledFor,
          status: missed ? 'skipped' : 'claimed',
          claimedAt: now,
          claimedBy: instanceId,
          finishedAt: missed ? now : null,
          note: missed ? 'missed by over 24 hours' : null,
        })
        .onConflictDoNothing()
        .returning();
      await tx.update(guilds).set({ nextRecapAt: timing.next }).where(eq(guilds.id, guild.id));
      if (!run) continue;
      const claimed: ClaimedRecap = { ...runFields(run), channelId: guild.recapChannelId, timezone: guild.timezone, recapProblem: guild.recapProblem, serverLeft: false };
      (missed ? skipped : toPost).push(claimed);
    }
    return { due: due.length, toPost, skipped };
  });
}

const runFields = (run: typeof recapRuns.$inferSelect) => ({
  runId: run.id,
  guildId: run.guildId,
  weekKey: run.weekKey,
  scheduledFor: run.scheduledFor,
  attempts: run.attempts,
});

/**
 * Claims runs left 'claimed' for longer than the lease (their process died or could not reach
 * Discord), one more attempt each; runs out of attempts are marked failed instead.
 */
export async function reclaimStaleRecaps(
  db: Db,
  options: { now: Date; instanceId: string; limit: number; leaseMs?: number; maxAttempts?: number },
): Promise<ClaimedRecap[]> {
  const { now, instanceId, limit } = options;
  const maxAttempts = options.maxAttempts ?? CLAIM_MAX_ATTEMPTS;
  const stale = and(eq(recapRuns.status, 'claimed'), lt(recapRuns.claimedAt, leaseExpiredBefore(now, options.leaseMs ?? CLAIM_LEASE_MS)));
  await db
    .update(recapRuns)
    .set({ status: 'failed', finishedAt: now, note: `gave up after ${maxAttempts} attempts` })
    .where(and(stale, gte(recapRuns.attempts, maxAttempts)));
  const candidates = db
    .select({ id: recapRuns.id })
    .from(recapRuns)
    .where(and(stale, lt(recapRuns.attempts, maxAttempts)))
    .orderBy(asc(recapRuns.claimedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  // Re-checked under the row lock: of two processes reclaiming at once, only one gets each run.
  const runs = await db
    .update(recapRuns)
    .set({ claimedAt: now, claimedBy: instanceId, attempts: sql`${recapRuns.attempts} + 1` })
    .where(and(inArray(recapRuns.id, candidates), stale))
    .returning();
  if (runs.length === 0) return [];
  const servers = await db.select().from(guilds).where(inArray(guilds.id, [...new Set(runs.map((r) => r.guildId))]));
  const byId = new Map(servers.map((g) => [g.id, g]));
  return runs.map((run) => {
    const guild = byId.get(run.guildId);
    return {
      ...runFields(run),
      channelId: guild?.recapChannelId ?? null,
      timezone: guild?.timezone ?? GUILD_DEFAULTS.timezone,
      recapProblem: guild?.recapProblem ?? null,
      serverLeft: guild?.leftAt != null,
    };
  });
}

export interface RunOutcome {
  status: 'posted' | 'failed' | 'skipped';
  channelId?: string;
  messageId?: string;
  note?: string;
}

/** Records how a claimed run ended; false if it was no longer 'claimed' (another process finished it). */
export async function finishRecapRun(db: Db, runId: number, outcome: RunOutcome, now: Date): Promise<boolean> {
  const rows = await db
    .update(recapRuns)
    .set({ status: outcome.status, channelId: outcome.channelId ?? null, messageId: outcome.messageId ?? null, note: outcome.note ?? null, finishedAt: now })
    .where(and(eq(recapRuns.id, runId), eq(recapRuns.status, 'claimed')))
    .returning({ id: recapRuns.id });
  return rows.length > 0;
}

/**
 * The server's latest recap runs: their weeks (any outcome), whose recap times post nothing more; and the
 * moment of the latest that went out (posted, failed to post but paired and sent the personal recaps, or
 * in hand), which a new schedule must not follow within the same week. A skipped run sent nothing.
 */
export async function recentRecaps(db: Db, guildId: string): Promise<{ weeks: Set<string>; lastWentOutAt: Date | undefined }> {
  const rows = await db
    .select({ weekKey: recapRuns.weekKey, scheduledFor: recapRuns.scheduledFor, status: recapRuns.status })
    .from(recapRuns)
    .where(eq(recapRuns.guildId, guildId))
    .orderBy(desc(recapRuns.scheduledFor))
    .limit(4);
  return { weeks: new Set(rows.map((row) => row.weekKey)), lastWentOutAt: rows.find((row) => row.status !== 'skipped')?.scheduledFor };
}

/**
 * Where the server's previous posted recap's coverage ended (its scheduled moment), before `before`:
 * the next recap starts there, so a win is in exactly one recap whatever the settings did meanwhile.
 */
export async function previousRecapEnd(db: Db, guildId: string, before: Date, timezone: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: recapRuns.scheduledFor, until: recapRuns.coversUntil })
    .from(recapRuns)
    .where(and(eq(recapRuns.guildId, guildId), eq(recapRuns.status, 'posted'), lt(recapRuns.scheduledFor, before)))
    .orderBy(desc(recapRuns.scheduledFor))
    .limit(1);
  if (!row) return undefined;
  // A run from before this rule covered the week before its own: its coverage stopped at that Monday.
  return row.until ?? weekRange(timezone, row.at).start;
}

/** The earliest recap due in (after, upTo], if any: where a clock jump passed over a recap time. */
export async function nextRecapDueBetween(db: Db, after: Date, upTo: Date): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: guilds.nextRecapAt })
    .from(guilds)
    .where(and(isNotNull(guilds.recapChannelId), isNull(guilds.leftAt), gt(guilds.nextRecapAt, after), lte(guilds.nextRecapAt, upTo)))
    .orderBy(asc(guilds.nextRecapAt))
    .limit(1);
  return row?.at ?? undefined;
}

/** Stops delivery to a server until an admin sets a channel again; only if the channel is still the one that failed. */
export async function setRecapProblem(db: Db, guildId: string, channelId: string, problem: RecapProblem): Promise<void> {
  await db
    .update(guilds)
    .set({ recapProblem: problem })
    .where(and(eq(guilds.id, guildId), eq(guilds.recapChannelId, channelId)));
}

/** Encouragement lines the server saw in the last 8 weeks. */
export async function recentEncouragementLines(db: Db, guildId: string, now: Date): Promise<Set<string>> {
  const rows = await db
    .select({ lineId: encouragementUses.lineId })
    .from(encouragementUses)
    .where(and(eq(encouragementUses.guildId, guildId), gt(encouragementUses.usedAt, new Date(now.getTime() - ENCOURAGEMENT_MEMORY_MS))));
  return new Set(rows.map((r) => r.lineId));
}

export async function recordEncouragement(db: Db, guildId: string, weekKey: string, lineIds: readonly string[], now: Date): Promise<void> {
  if (lineIds.length === 0) return;
  await db
    .insert(encouragementUses)
    .values(lineIds.map((lineId) => ({ guildId, weekKey, lineId, usedAt: now })))
    .onConflictDoNothing();
}

/**
 * Renews this process's claim on a run right before it is posted, so the lease counts from the post,
 * not from the claim of a batch. False when the claim is no longer ours (another process took it over).
 */
export async function renewRecapClaim(db: Db, runId: number, instanceId: string, now: Date): Promise<boolean> {
  const renewed = await db
    .update(recapRuns)
    .set({ claimedAt: now })
    .where(and(eq(recapRuns.id, runId), eq(recapRuns.status, 'claimed'), eq(recapRuns.claimedBy, instanceId)))
    .returning({ id: recapRuns.id });
  return renewed.length === 1;
}
