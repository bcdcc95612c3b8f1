import { promptCandidates } from '../db/checkins.js';
import { checkinPromptMessage } from '../discord/render/checkin-prompt.js';
import { memberTranslator, sendEach, type DmTickSummary } from './member-dm.js';
import type { JobDeps } from './deps.js';

// DMs are opened one by one; the rest wait for the next minute's tick.
const PROMPTS_PER_TICK = 50;

/**
 * Mid-week check-in prompts by DM (SPEC §5) for paired members who asked for DMs and have not
 * checked in yet, on their check-in day: sent once each through the claimed-DM sender.
 */
export async function runCheckinPrompts(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const due = await promptCandidates(deps.db, now, { limit: PROMPTS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  const prompts = due.map((candidate) => ({ ...candidate, kind: 'checkin-prompt' as const, period: candidate.weekKey }));
  return sendEach(deps, prompts, async (prompt) => checkinPromptMessage(await memberTranslator(deps.db, prompt)), now);
}
