import { planReminderCandidates } from '../db/plan-reminders.js';
import { planReminderMessage } from '../discord/render/plans.js';
import { goalMetNow } from '../features/plan-reminders.js';
import type { JobDeps } from './deps.js';
import { memberTranslator, sendEach, type DmTickSummary } from './member-dm.js';

// DMs are opened one by one; the rest wait for the next minute's tick.
const REMINDERS_PER_TICK = 50;

/**
 * If-then plan reminders by DM (SPEC §13): at the planned moment in the member's timezone, at most once
 * a week per goal, through the DM gate's claim, so however many processes run each goes out once.
 * Not for a goal already met this period: nothing to nudge.
 */
export async function runPlanReminders(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const due = await planReminderCandidates(deps.db, now, { limit: REMINDERS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  const open = [];
  for (const candidate of due) if (!(await goalMetNow(deps.db, candidate.goal, candidate.timezone, now))) open.push(candidate);
  const dms = open.map(({ goal, period }) => ({ guildId: goal.guildId, userId: goal.userId, kind: 'plan-reminder' as const, period, goal }));
  return sendEach(deps, dms, async (dm) => planReminderMessage(dm.goal, await memberTranslator(deps.db, dm)), now);
}
