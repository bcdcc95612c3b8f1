import { msg, type Msg } from '../message.js';
import { offerIsNewWith, pausedDuring, type CurrentProgress, type PeriodOutcome, type TargetOffer } from '../goals.js';
import { isPausedAt, pausedWeeksOf, usualWeek, weekCountsOf, weeklyStreaks, type PauseSpan } from '../streaks.js';
import { formatLocalDate, localDateOf, type LocalDate, type Range } from '../time.js';
import { addDays } from '../time-calendar.js';
import type { PersonalWeekData } from './types.js';
import { periodEndedIn } from './weeks.js';

/** What the personal recap is made from, as read: the member's history up to now (their week's figures stop at its end). */
export interface PersonalWeekInput {
  timezone: string;
  week: { weekStart: LocalDate; range: Range };
  /** Wins per local day ('YYYY-MM-DD'), private ones included. */
  days: ReadonlyMap<string, number>;
  pauses: readonly PauseSpan[];
  /** Mondays of the weeks they repaired: the streak agrees with /progress and the web. */
  repairedWeeks?: ReadonlySet<string>;
  goals: readonly { goal: { title: string }; current: Pick<CurrentProgress, 'period'>; history: readonly PeriodOutcome[]; offer: TargetOffer | undefined }[];
  /** One of their own old wins not brought back lately, if any. */
  oldWin: { id: number; text: string; occurredAt: Date } | undefined;
  now: Date;
}

type Outcome = PersonalWeekData['goals'][number]['outcome'];

/** Whether a period is over for the member at the DM's moment: the caller's one answer (member-time's isPeriodOver). */
export type IsOver = (range: Range) => boolean;

/** The period a goal's figures belong to, in words: a month is named, so March's figures never read as "this month" in April. */
function periodWords(timezone: string, period: 'week' | 'month', range: Range): Msg {
  return period === 'week' ? msg('dm.periodWords.thisWeek') : msg('dm.periodWords.month', { month: { month: localDateOf(timezone, range.start).month } });
}

/**
 * The member's week, streak, usual week and goals whose period ended with this week. Everything is
 * said of the reported week (SPEC §4: one DM never contradicts itself): the streak counts no later
 * week, and a week or month not over for the member yet is "so far", never missed.
 */
export function personalWeekOf(input: PersonalWeekInput, isOver: IsOver): PersonalWeekData {
  const { week, timezone } = input;
  const weekOver = isOver(week.range);
  const reported = formatLocalDate(week.weekStart);
  const weeks = weekCountsOf(input.days);
  const history = { weeks, pausedWeeks: pausedWeeksOf(timezone, input.pauses, input.now), currentWeek: week.weekStart, ...(input.repairedWeeks ? { repairedWeeks: input.repairedWeeks } : {}) };
  // Up to the reported week only; once it is over, it is judged like any past week (a week without a win ends a run).
  const upToReported = new Map([...weeks].filter(([monday]) => monday <= reported));
  const streaks = weeklyStreaks({ ...history, weeks: upToReported, currentWeek: weekOver ? addDays(week.weekStart, 7) : week.weekStart });
  const goalLines = input.goals.flatMap((summary) => {
    // Only goals whose period ended with this week: a month still running is neither met nor missed yet.
    const period = periodEndedIn(week, summary.history);
    if (!period) return [];
    const kind = summary.current.period;
    const outcome: Outcome = period.met ? 'met' : !isOver(period.range) ? 'so-far' : period.paused ? 'paused' : 'missed';
    const smallerOffer = outcome === 'missed' && summary.offer?.kind === 'smaller' && offerIsNewWith(summary.offer, period) ? summary.offer.to : undefined;
    return [{ title: summary.goal.title, target: period.target, count: period.count, period: kind, periodWords: periodWords(timezone, kind, period.range), outcome, smallerOffer }];
  });
  return {
    weekStart: week.weekStart,
    timezone,
    winsThisWeek: weeks.get(reported) ?? 0,
    usualWeek: usualWeek(history) ?? undefined,
    streaks,
    pausedNow: isPausedAt(input.pauses, input.now),
    weekOver,
    // The one answer the goal lines' periods get too: a week any pause touched is never judged (SPEC §4).
    weekPaused: pausedDuring(week.range, input.pauses),
    goals: goalLines,
    oldWin: input.oldWin,
  };
}
