import { periodRange, revisionAt, type Revision } from '../goals.js';
import type { Range } from '../time.js';

/** A win linked to a goal: when it happened (its period) and when it was logged (when it counted). */
export interface GoalWinTimes {
  occurredAt: Date;
  createdAt: Date;
}

/**
 * The moments a goal was met (SPEC §4): for each of its periods (in its member's timezone), when the
 * win that reached the target then in force was logged. A win back-dated into a past period meets
 * that period's goal at the moment it is logged, so every goal met lands in exactly one recap.
 */
export function goalMetMoments(revisions: readonly Revision[], wins: readonly GoalWinTimes[], timezone: string): Date[] {
  const periods = new Map<number, { range: Range; logged: number[] }>();
  for (const win of wins) {
    const kind = revisionAt(revisions, new Date(win.occurredAt.getTime() + 1));
    if (!kind) continue;
    const range = periodRange(kind.period, timezone, win.occurredAt);
    const period = periods.get(range.start.getTime()) ?? { range, logged: [] };
    period.logged.push(win.createdAt.getTime());
    periods.set(range.start.getTime(), period);
  }
  const moments: Date[] = [];
  for (const { range, logged } of periods.values()) {
    // The target the period is judged by: the revision in force when it ends (editing never rewrites the past).
    const revision = revisionAt(revisions, range.end);
    if (!revision || periodRange(revision.period, timezone, range.start).start.getTime() !== range.start.getTime()) continue;
    const reached = [...logged].sort((a, b) => a - b)[revision.target - 1];
    if (reached !== undefined) moments.push(new Date(reached));
  }
  return moments;
}

/** How many of the moments fall in the recap's span: goals met in it. */
export function metWithin(moments: readonly Date[], range: Range): number {
  return moments.filter((at) => at.getTime() >= range.start.getTime() && at.getTime() < range.end.getTime()).length;
}
