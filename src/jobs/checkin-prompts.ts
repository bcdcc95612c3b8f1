import { createHash } from 'node:crypto';
import { claimPrompt, finishPrompt, promptCandidates, type PromptCandidate, type PromptStatus } from '../db/checkins.js';
import { markDmsClosed } from '../db/dm-recaps.js';
import type { OutgoingMessage } from '../domain/recap/types.js';
import { localDateTimeOf, weekKey } from '../domain/time.js';
import type { JobDeps } from './recap.js';

export interface PromptTickSummary {
  sent: number;
  dmsClosed: number;
  failed: number;
}

/** Local hour on the check-in day from which the prompt is due (SPEC §5). */
export const PROMPT_HOUR = 10;
// DMs are opened one by one; the rest wait for the next minute's tick.
const PROMPTS_PER_TICK = 50;

export const checkinPromptMessage: OutgoingMessage = {
  content: "Hi! 🌱 How is your week going? `/checkin`: a few words in the server, whenever you're ready, and your partner will see them. Small counts.",
  allowed_mentions: { parse: [] },
};

/** Stable per member and week, within Discord's 25-character nonce limit. */
export function promptNonce(p: { guildId: string; userId: string; weekKey: string }): string {
  return `sw-ci-${createHash('sha256').update(`${p.guildId}:${p.userId}:${p.weekKey}`).digest('base64url').slice(0, 19)}`;
}

/** On the server's check-in day, from 10:00 to the end of that day, in the member's timezone, in the week they were paired for. */
export function promptDueAt(candidate: PromptCandidate, now: Date): boolean {
  const local = localDateTimeOf(candidate.timezone, now);
  return local.weekday === candidate.checkinDay && local.hour >= PROMPT_HOUR && weekKey(candidate.timezone, now) === candidate.weekKey;
}

async function sendOne(deps: JobDeps, candidate: PromptCandidate, now: Date): Promise<PromptStatus | undefined> {
  const key = { guildId: candidate.guildId, userId: candidate.userId };
  if (!(await claimPrompt(deps.db, key, candidate.weekKey, now, deps.leaseMs))) return undefined;
  const result = await deps.delivery.dm(candidate.userId, checkinPromptMessage, { nonce: promptNonce(candidate) });
  const status: PromptStatus = result.ok ? 'sent' : result.failure === 'dms-closed' ? 'dms-closed' : 'failed';
  await finishPrompt(deps.db, key, candidate.weekKey, status);
  if (status === 'dms-closed') await markDmsClosed(deps.db, key, now);
  if (!result.ok) deps.logger.info({ guild: candidate.guildId, user: candidate.userId, failure: result.failure }, 'check-in prompt: not delivered');
  return status;
}

/**
 * Mid-week check-in prompts by DM (SPEC §5) for paired members who asked for DMs and have not
 * checked in yet: claimed per member and week before sending, so each goes out once.
 */
export async function runCheckinPrompts(deps: JobDeps, now: Date): Promise<PromptTickSummary> {
  const summary: PromptTickSummary = { sent: 0, dmsClosed: 0, failed: 0 };
  const candidates = await promptCandidates(deps.db, now, deps.leaseMs);
  const due = candidates.filter((c) => promptDueAt(c, now)).slice(0, PROMPTS_PER_TICK);
  for (const candidate of due) {
    try {
      const status = await sendOne(deps, candidate, now);
      if (status === 'sent') summary.sent += 1;
      else if (status === 'dms-closed') summary.dmsClosed += 1;
      else if (status === 'failed') summary.failed += 1;
    } catch (error) {
      deps.logger.error({ err: error, guild: candidate.guildId, user: candidate.userId }, 'check-in prompt: unexpected error');
    }
  }
  return summary;
}
