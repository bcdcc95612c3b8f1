import { goalWinTimes, revisionsOf } from '../db/goals.js';
import type { Db } from '../db/client.js';
import type { Goal } from '../db/schema.js';
import { currentProgress } from '../domain/goals.js';

/**
 * Whether the goal's target is already reached in the period holding `now` (every linked win, private
 * ones too): then its plan reminder is not sent, saying nothing rather than nudging for what is done.
 */
export async function goalMetNow(db: Db, goal: Goal, timezone: string, now: Date): Promise<boolean> {
  // A month is the longest period: wins from five weeks back cover it.
  const range = { start: new Date(now.getTime() - 35 * 24 * 60 * 60 * 1000), end: new Date(now.getTime() + 1) };
  const [revisions, times] = await Promise.all([revisionsOf(db, [goal.id]), goalWinTimes(db, [goal.id], range, { includePrivate: true })]);
  const current = currentProgress(revisions.get(goal.id) ?? [], times.get(goal.id) ?? [], timezone, now);
  return current !== undefined && current.count >= current.target;
}
