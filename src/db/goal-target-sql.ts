import { sql, type SQL } from 'drizzle-orm';

/**
 * The one SQL answer to "the target a goal had then": a subquery with `target, period` for the goal's
 * period holding an instant. The kind of period (week or month) is the one in force at the instant (its
 * latest revision on or before it, else the goal's own); the target is the one that period is judged by:
 * the latest revision of that kind that started before the period ends, as `completedPeriods` and
 * `currentProgress` in src/domain/goals.ts judge it (`revisionAt(revisions, range.end)`). So a win
 * back-dated into a period whose target was changed later in that period counts against the new one,
 * as /goal list and /progress say. `ends` are the ends of the week and month holding the instant.
 * Use it as `left join lateral ${goalTargetThenSql(id, at, ends)} gt on true`.
 */
export const goalTargetThenSql = (goalId: SQL, instant: SQL, ends: { week: SQL; month: SQL }): SQL => sql`(select k.period,
    coalesce((select r2.target from goal_revisions r2 where r2.goal_id = k.id and r2.period = k.period
      and r2.effective_from < (case k.period when 'month' then ${ends.month} else ${ends.week} end)
      order by r2.effective_from desc limit 1), k.target) as target
  from (select g.id, coalesce(r.target, g.target) as target, coalesce(r.period, g.period) as period
    from goals g left join lateral (select r.target, r.period from goal_revisions r
      where r.goal_id = g.id and r.effective_from <= ${instant} order by r.effective_from desc limit 1) r on true
    where g.id = ${goalId}) k)`;
