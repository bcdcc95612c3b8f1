import { and, eq, isNotNull, isNull, not, or, sql } from 'drizzle-orm';
import { nextPlanMomentAfter, planReminderDueIn, planReminderPeriod } from '../domain/plans.js';
import type { Db } from './client.js';
import { botNotRemovedSql } from './guild-settings.js';
import { CLAIM_LEASE_MS, CLAIM_MAX_ATTEMPTS, leaseExpiredBefore } from './leases.js';
import { ofMember } from './member-filter.js';
import { memberTimezoneSql } from './member-time-sql.js';
import { memberPausedAt } from './pauses.js';
import { goals, members, type Goal } from './schema.js';

/** A goal whose plan's reminder is due now, and the claim period (week and goal) it is for. */
export interface PlanReminderCandidate {
  goal: Goal;
  period: string;
  /** The member's timezone (else the server's), where the goal's period is counted. */
  timezone: string;
}

/**
 * Active goals with a plan and a reminder moment, of members who want DMs (and have not bounced one) and
 * are not paused, whose moment has come today in the member's timezone (else the server's) and whose
 * reminder for this week was neither sent nor claimed. Worked out per timezone in use, the goals in SQL.
 */
export async function planReminderCandidates(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<PlanReminderCandidate[]> {
  const zone = memberTimezoneSql(goals);
  const planned = and(isNull(goals.archivedAt), isNotNull(goals.planAt), isNotNull(goals.planDay), isNotNull(goals.planWhen), eq(goals.planReminders, true), botNotRemovedSql(goals.guildId));
  // The same consent the DM gate asks (src/features/dm-gate.ts), so a refused member is not picked again each tick.
  const consenting = and(eq(members.dms, true), isNull(members.dmsClosedAt));
  const zones = await db
    .select({ zone, day: goals.planDay, at: goals.planAt })
    .from(goals)
    .innerJoin(members, ofMember(members, goals))
    .where(and(planned, consenting))
    .groupBy(zone, goals.planDay, goals.planAt);
  const cutoff = leaseExpiredBefore(now, options.leaseMs ?? CLAIM_LEASE_MS);
  const dueNow = zones.flatMap(({ zone: tz, day, at }) => {
    if (day === null || at === null) return [];
    const week = planReminderDueIn(tz, { day, time: at }, now);
    if (!week) return [];
    const unclaimed = sql`not exists (select 1 from member_dms d where d.guild_id = ${goals.guildId} and d.user_id = ${goals.userId}
      and d.kind = 'plan-reminder' and d.period = ${`${week}:g`} || ${goals.id}::text
      and not (d.status = 'claimed' and d.claimed_at < ${cutoff.toISOString()}::timestamptz and d.attempts < ${CLAIM_MAX_ATTEMPTS}))`;
    return [{ week, condition: and(eq(zone, tz), eq(goals.planDay, day), eq(goals.planAt, at), unclaimed) }];
  });
  if (dueNow.length === 0) return [];
  const rows = await db
    .select({ goal: goals, zone })
    .from(goals)
    .innerJoin(members, ofMember(members, goals))
    .where(and(planned, consenting, or(...dueNow.map((d) => d.condition)), not(memberPausedAt(db, now))))
    .orderBy(goals.guildId, goals.userId, goals.id)
    .limit(options.limit);
  return rows.flatMap(({ goal, zone: tz }) => {
    const week = goal.planDay !== null && goal.planAt !== null ? planReminderDueIn(tz, { day: goal.planDay, time: goal.planAt }, now) : undefined;
    return week ? [{ goal, period: planReminderPeriod(week, goal.id), timezone: tz }] : [];
  });
}

/** The earliest plan-reminder moment in (after, upTo], for the scheduler's catch-up when its clock jumped. */
export async function nextPlanReminderDueBetween(db: Db, after: Date, upTo: Date): Promise<Date | undefined> {
  const zone = memberTimezoneSql(goals);
  const rows = await db
    .selectDistinct({ zone, day: goals.planDay, at: goals.planAt })
    .from(goals)
    .innerJoin(members, ofMember(members, goals))
    .where(and(isNull(goals.archivedAt), isNotNull(goals.planAt), isNotNull(goals.planDay), eq(goals.planReminders, true), eq(members.dms, true), isNull(members.dmsClosedAt), botNotRemovedSql(goals.guildId)));
  let earliest: Date | undefined;
  for (const { zone: tz, day, at } of rows) {
    if (day === null || at === null) continue;
    const moment = nextPlanMomentAfter(tz, { day, time: at }, after);
    if (moment.getTime() <= upTo.getTime() && (earliest === undefined || moment < earliest)) earliest = moment;
  }
  return earliest;
}
