import { summariseGoals, type GoalSummary } from '../db/goal-progress.js';
import { activeGoals, archiveGoal, createGoal, declineOffer, findActiveGoal, findActiveGoalByInput, updateGoal, type NewGoal } from '../db/goals.js';
import { memberSettings, type MemberKey } from '../db/members.js';
import { timezoneOf } from './member-time.js';
import type { Goal } from '../db/schema.js';
import { ACTIVE_GOALS_MAX, GOAL_TARGET_MAX, GOAL_TARGET_MIN } from '../domain/goals.js';
import type { FeatureDeps } from './progress.js';

/** The member's active goals with this period's progress and any offer, private wins counted. */
export async function goalsOf(deps: FeatureDeps, key: MemberKey): Promise<GoalSummary[]> {
  const [goals, timezone] = await Promise.all([activeGoals(deps.db, key), timezoneOf(deps.db, key)]);
  return summariseGoals(deps.db, goals, timezone, deps.clock.now(), { includePrivate: true });
}

/** The member's own active goals, for autocomplete. */
export const activeGoalsOf = (deps: FeatureDeps, key: MemberKey): Promise<Goal[]> => activeGoals(deps.db, key);

/** The goal a member picked by id or typed title; only their own active ones. */
export const pickGoal = (deps: FeatureDeps, key: MemberKey, typed: string): Promise<Goal | undefined> => findActiveGoalByInput(deps.db, key, typed);

export type AddGoalOutcome = { kind: 'added'; goal: Goal } | { kind: 'limit'; max: number } | { kind: 'duplicate'; title: string };

export async function addGoal(deps: FeatureDeps, key: MemberKey, goal: NewGoal): Promise<AddGoalOutcome> {
  const created = await createGoal(deps.db, key, goal, deps.clock.now(), ACTIVE_GOALS_MAX);
  if (created === 'limit') return { kind: 'limit', max: ACTIVE_GOALS_MAX };
  if (created === 'duplicate') return { kind: 'duplicate', title: goal.title };
  return { kind: 'added', goal: created };
}

export type EditGoalOutcome = { kind: 'updated'; goal: Goal; newTarget: boolean } | { kind: 'gone' } | { kind: 'duplicate'; title: string };

/** Changes a goal; a new target or period starts now, so earlier periods keep theirs. */
export async function editGoal(deps: FeatureDeps, key: MemberKey, goal: Goal, changes: Partial<NewGoal>): Promise<EditGoalOutcome> {
  const updated = await updateGoal(deps.db, key, goal.id, changes, deps.clock.now());
  if (updated === 'duplicate') return { kind: 'duplicate', title: changes.title ?? goal.title };
  if (!updated) return { kind: 'gone' };
  return { kind: 'updated', goal: updated, newTarget: changes.target !== undefined || changes.period !== undefined };
}

export const retireGoal = (deps: FeatureDeps, key: MemberKey, goal: Goal): Promise<Goal | undefined> => archiveGoal(deps.db, key, goal.id, deps.clock.now());

export type OfferAnswer =
  | { kind: 'gone' }
  | { kind: 'accepted'; goal: Goal; to: number; period: string }
  | { kind: 'declined'; goal: Goal; from: number; period: string };

/**
 * Answers a smaller/bigger target offer. The offer is worked out again now, so a stale or forged button
 * for an offer that no longer stands changes nothing; accepting sets the target the button named (`clicked`),
 * only in the direction still offered and within 1–100 (the member's own goal, which `/goal edit` could set
 * anyway). Declining is remembered for the whole run (SPEC §1.6).
 */
export async function answerOffer(deps: FeatureDeps, key: MemberKey, goalId: number, accept: boolean, clicked?: number): Promise<OfferAnswer> {
  const goal = Number.isSafeInteger(goalId) ? await findActiveGoal(deps.db, key, goalId) : undefined;
  if (!goal) return { kind: 'gone' };
  const [summary] = await summariseGoals(deps.db, [goal], await timezoneOf(deps.db, key), deps.clock.now(), { includePrivate: true });
  if (!summary?.offer) return { kind: 'gone' };
  const period = summary.current.period;
  if (accept) {
    // The target the button said, as long as the offer still goes that way: wins logged late since can
    // change what would be offered now, and the member gets what they clicked, not another number.
    const to = clicked === undefined ? summary.offer.to : clicked;
    const sameWay = summary.offer.kind === 'bigger' ? to > summary.offer.from : to < summary.offer.from;
    if (!Number.isSafeInteger(to) || to < GOAL_TARGET_MIN || to > GOAL_TARGET_MAX || !sameWay) return { kind: 'gone' };
    await updateGoal(deps.db, key, goal.id, { target: to }, deps.clock.now());
    return { kind: 'accepted', goal, to, period };
  }
  await declineOffer(deps.db, key, goal.id, summary.offer.key);
  return { kind: 'declined', goal, from: summary.offer.from, period };
}

/** Whether the member asked for DMs here: a plan's reminder needs it, and they are told so. */
export const wantsDms = async (deps: FeatureDeps, key: MemberKey): Promise<boolean> => (await memberSettings(deps.db, key)).dms;

export type QuietOutcome = { kind: 'quiet'; goal: Goal } | { kind: 'gone' };

/** Drops a plan's reminder (the button on it); the plan itself stays with the goal. */
export async function quietPlanReminder(deps: FeatureDeps, key: MemberKey, goalId: number): Promise<QuietOutcome> {
  const goal = await findActiveGoal(deps.db, key, goalId);
  if (!goal) return { kind: 'gone' };
  const updated = await updateGoal(deps.db, key, goal.id, { planReminders: false }, deps.clock.now());
  return updated && updated !== 'duplicate' ? { kind: 'quiet', goal: updated } : { kind: 'gone' };
}
