import type { Db } from '../db/client.js';
import { activeGoals } from '../db/goals.js';
import type { MemberKey } from '../db/members.js';
import { winCountsByLocalDay } from '../db/stats.js';
import { lastWeekRange } from '../domain/fresh-start.js';
import { addGoal, type AddGoalOutcome } from './goals.js';
import type { FeatureDeps } from './progress.js';

/** What a fresh-start line says (SPEC §13): the new week or month, last week's wins, and whether goals exist. */
export interface FreshStartContent {
  kind: 'week' | 'month';
  guildId: string;
  userId: string;
  /** Every win of last week, private ones too: the line is for the member alone. */
  lastWeekWins: number;
  activeGoals: number;
}

export async function freshStartContent(db: Db, key: MemberKey, timezone: string, kind: 'week' | 'month', now: Date): Promise<FreshStartContent> {
  const [days, goals] = await Promise.all([winCountsByLocalDay(db, key, lastWeekRange(timezone, now), timezone), activeGoals(db, key)]);
  const lastWeekWins = [...days.values()].reduce((sum, n) => sum + n, 0);
  return { kind, guildId: key.guildId, userId: key.userId, lastWeekWins, activeGoals: goals.length };
}

/** The fresh-start button: one small private goal (1 win a week) under the title given, unless it is there already. */
export async function startSmallGoal(deps: FeatureDeps, key: MemberKey, title: string): Promise<AddGoalOutcome> {
  return addGoal(deps, key, { title, target: 1, period: 'week', share: 'private' });
}
