import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { summariseGoals, type GoalSummary } from '../db/goal-progress.js';
import { activeGoals, goalsSharedAs } from '../db/goals.js';
import type { MemberKey } from '../db/members.js';
import { memberHistory } from '../db/personal-week.js';
import { recordRepair } from '../db/streak-repairs.js';
import type { GoalShare } from '../domain/goals.js';
import { CALENDAR_WEEKS } from '../domain/local-day-counts.js';
import { pausedDaysOf } from '../domain/pause.js';
import { isPausedAt, pausedWeeksOf, progressFigures, weekCountsOf, type CountsByDate, type ProgressFigures } from '../domain/streaks.js';
import { addDays, localDateOf, mondayOf, type LocalDate } from '../domain/time.js';
import { pairingAt, timezoneOf } from './member-time.js';

export interface FeatureDeps {
  db: Db;
  clock: Clock;
}

/** A member's own progress: the one answer /progress and the web overview both draw. */
export interface OwnProgress {
  timezone: string;
  today: LocalDate;
  /** Null until the member has logged a win here. */
  figures: ProgressFigures | null;
  pausedNow: boolean;
  /** Wins per local day, every win they logged (private ones too). */
  days: CountsByDate;
  /** Local days paused within the calendar's span. */
  pausedDays: ReadonlySet<string>;
  totalWins: number;
  /** Mondays of the weeks the member repaired: the calendar marks them. */
  repairedWeeks?: ReadonlySet<string>;
  /** Active goals, private wins counted, with any smaller/bigger offer. */
  goals: GoalSummary[];
}

/** The member's week against their usual, streak, best week, win calendar and goals, in their timezone. */
export async function progressOf(deps: FeatureDeps, key: MemberKey, timezone?: string): Promise<OwnProgress> {
  const now = deps.clock.now();
  const zone = timezone ?? (await timezoneOf(deps.db, key));
  const [{ days, pauses, repairedWeeks }, goals] = await Promise.all([
    memberHistory(deps.db, key, zone, { winsBefore: null, pausesBefore: now }),
    activeGoals(deps.db, key).then((rows) => summariseGoals(deps.db, rows, zone, now, { includePrivate: true })),
  ]);
  const today = localDateOf(zone, now);
  const figures =
    days.size === 0 ? null : progressFigures({ weeks: weekCountsOf(days), pausedWeeks: pausedWeeksOf(zone, pauses, now), currentWeek: mondayOf(today), repairedWeeks });
  return {
    timezone: zone,
    today,
    figures,
    pausedNow: isPausedAt(pauses, now),
    days,
    pausedDays: pausedDaysOf(zone, pauses, now, addDays(mondayOf(today), -7 * (CALENDAR_WEEKS - 1))),
    totalWins: [...days.values()].reduce((a, b) => a + b, 0),
    repairedWeeks,
    goals,
  };
}

/** What a member lets others see: their goals shared this widely, counting public wins only. */
export async function sharedGoalsOf(deps: FeatureDeps, key: MemberKey, shares: readonly GoalShare[]): Promise<GoalSummary[]> {
  const timezone = await timezoneOf(deps.db, key);
  return summariseGoals(deps.db, await goalsSharedAs(deps.db, key, shares), timezone, deps.clock.now(), { includePrivate: false });
}

export interface SharedProgress {
  /** Whether the viewer is the member's partner in the pairing in force now, as /partner status counts it. */
  asPartner: boolean;
  goals: GoalSummary[];
}

/** Another member's progress as a viewer may see it: server-shared goals, partner-shared ones too for a partner. */
export async function sharedProgressOf(deps: FeatureDeps, viewer: MemberKey, member: MemberKey): Promise<SharedProgress> {
  const now = deps.clock.now();
  const pairing = await pairingAt(deps.db, viewer, await timezoneOf(deps.db, viewer), now);
  const asPartner = pairing?.partners.includes(member.userId) ?? false;
  return { asPartner, goals: await sharedGoalsOf(deps, member, asPartner ? ['server', 'partner'] : ['server']) };
}

export type RepairOutcome = { kind: 'repaired'; weekStart: string; streak: number } | { kind: 'gone' };

/**
 * Repairs the empty week /progress offered (SPEC §13): the offer is worked out again now, so a stale or
 * forged button changes nothing, and one repair per 8 weeks holds whatever is clicked.
 */
export async function repairStreak(deps: FeatureDeps, key: MemberKey, weekStart: string): Promise<RepairOutcome> {
  const before = await progressOf(deps, key);
  if (!before.figures || before.figures.repairable !== weekStart) return { kind: 'gone' };
  if (!(await recordRepair(deps.db, key, weekStart, deps.clock.now()))) return { kind: 'gone' };
  const after = await progressOf(deps, key, before.timezone);
  return { kind: 'repaired', weekStart, streak: after.figures?.streaks.current ?? 0 };
}
