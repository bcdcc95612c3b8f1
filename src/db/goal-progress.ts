import { and, gt, inArray, isNull, or } from 'drizzle-orm';
import {
  completedPeriods,
  currentProgress,
  offerDeclined,
  pausedDuring,
  periodsForOffer,
  targetOffer,
  type GoalSummary as DomainGoalSummary,
} from '../domain/goals.js';
import type { Db } from './client.js';
import { goalWinTimes, revisionsOf } from './goals.js';
import { pauses, type Goal } from './schema.js';

export type GoalSummary = DomainGoalSummary<Goal>;

// A year of periods is plenty to find where a run of misses or hits began.
const LOOKBACK_MS = 400 * 24 * 60 * 60 * 1000;
const HISTORY_LIMIT = 12;

/** Pauses of the goals' owners since `since`: a paused period does not count toward a smaller offer. */
async function pausesOfOwners(db: Db, goals: readonly Goal[], since: Date) {
  if (goals.length === 0) return [];
  return db
    .select({ guildId: pauses.guildId, userId: pauses.userId, startedAt: pauses.startedAt, endsAt: pauses.endsAt })
    .from(pauses)
    .where(
      and(
        inArray(pauses.guildId, [...new Set(goals.map((g) => g.guildId))]),
        inArray(pauses.userId, [...new Set(goals.map((g) => g.userId))]),
        or(isNull(pauses.endsAt), gt(pauses.endsAt, since)),
      ),
    );
}

/** Progress of each goal in its current period, its recent history and any offer, in one pass. */
export async function summariseGoals(
  db: Db,
  goals: readonly Goal[],
  timezone: string,
  now: Date,
  options: { includePrivate: boolean },
): Promise<GoalSummary[]> {
  const ids = goals.map((goal) => goal.id);
  const range = { start: new Date(now.getTime() - LOOKBACK_MS), end: new Date(now.getTime() + LOOKBACK_MS) };
  const [revisions, times, pauseRows] = await Promise.all([revisionsOf(db, ids), goalWinTimes(db, ids, range, options), pausesOfOwners(db, goals, range.start)]);
  const summaries: GoalSummary[] = [];
  for (const goal of goals) {
    const goalRevisions = revisions.get(goal.id) ?? [];
    const winTimes = times.get(goal.id) ?? [];
    const current = currentProgress(goalRevisions, winTimes, timezone, now);
    if (!current) continue;
    const owned = pauseRows.filter((p) => p.guildId === goal.guildId && p.userId === goal.userId).map((p) => ({ start: p.startedAt, end: p.endsAt }));
    const history = completedPeriods({ revisions: goalRevisions, winTimes, timezone, now, createdAt: goal.createdAt, limit: HISTORY_LIMIT }).map((period) => ({
      ...period,
      paused: pausedDuring(period.range, owned),
    }));
    // Only periods that ended after the last change count toward an offer: a new target starts a new run.
    const lastChange = goalRevisions.at(-1)?.effectiveFrom.getTime() ?? 0;
    const offer = targetOffer(
      periodsForOffer(
        history.filter((period) => period.range.end.getTime() > lastChange),
        owned,
      ),
      current.target,
      current.count,
    );
    summaries.push({ goal, current, history, offer: offer && !offerDeclined(offer, goal.declinedOffer, current.period) ? offer : undefined });
  }
  return summaries;
}
