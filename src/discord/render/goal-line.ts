import type { Db } from '../../db/client.js';
import { goalWinTimes, revisionsOf } from '../../db/goals.js';
import type { Goal } from '../../db/schema.js';
import { periodRange, progressBar, revisionAt, type GoalPeriod } from '../../domain/goals.js';

/**
 * "🎯 Read: ▰▰▰▱▱ 2/3 this week" for the period the win landed in, with the target
 * that period has. Private wins count only when the line is for the owner's eyes.
 */
export async function goalProgressLine(db: Db, goal: Goal, timezone: string, winAt: Date, now: Date, includePrivate: boolean): Promise<string> {
  const revisions = (await revisionsOf(db, [goal.id])).get(goal.id) ?? [];
  const revision = revisionAt(revisions, new Date(winAt.getTime() + 1)) ?? { target: goal.target, period: goal.period as GoalPeriod };
  const range = periodRange(revision.period, timezone, winAt);
  const count = (await goalWinTimes(db, [goal.id], range, { includePrivate })).get(goal.id)?.length ?? 0;
  const current = range.start.getTime() <= now.getTime() && now.getTime() < range.end.getTime();
  const met = count >= revision.target ? (count === revision.target ? ' — goal met! 🎉' : ' ✅') : '';
  return `🎯 ${goal.title}: ${progressBar(count, revision.target)} ${count}/${revision.target} ${current ? 'this' : 'that'} ${revision.period}${met}`;
}
