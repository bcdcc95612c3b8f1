import { sql, type SQL } from 'drizzle-orm';

/**
 * The one SQL answer to "the target a goal had then": a subquery with `target, period` for the goal
 * at an instant, from its latest revision on or before it, else the goal's own. Use it as
 * `left join lateral ${goalTargetThenSql(id, at)} gt on true`.
 * Its twin in the domain is `revisionAt(revisions, at + 1 ms)` (src/domain/goals.ts): on or before `at`.
 */
export const goalTargetThenSql = (goalId: SQL, instant: SQL): SQL => sql`(select coalesce(r.target, g.target) as target, coalesce(r.period, g.period) as period
  from goals g left join lateral (select r.target, r.period from goal_revisions r
    where r.goal_id = g.id and r.effective_from <= ${instant} order by r.effective_from desc limit 1) r on true
  where g.id = ${goalId})`;
