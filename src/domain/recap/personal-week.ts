import { offerIsNewWith, type CurrentProgress, type PeriodOutcome, type TargetOffer } from '../goals.js';
import { isPausedAt, pausedWeeksOf, usualWeek, weekCountsOf, weeklyStreaks, type PauseSpan } from '../streaks.js';
import { formatLocalDate, localDateOf, mondayOf, type LocalDate, type Range } from '../time.js';
import type { PersonalWeekData } from './types.js';
import { periodEndedIn } from './weeks.js';

/** What the personal recap is made from, as read: the member's history up to now (their week's figures stop at its end). */
export interface PersonalWeekInput {
  timezone: string;
  week: { weekStart: LocalDate; range: Range };
  /** Wins per local day ('YYYY-MM-DD'), private ones included. */
  days: ReadonlyMap<string, number>;
  pauses: readonly PauseSpan[];
  goals: readonly { goal: { title: string }; current: Pick<CurrentProgress, 'period'>; history: readonly PeriodOutcome[]; offer: TargetOffer | undefined }[];
  /** One of their own old wins not brought back lately, if any. */
  oldWin: { id: number; text: string; occurredAt: Date } | undefined;
  now: Date;
}

/** The member's week, streak, usual week and goals whose period ended with this week. */
export function personalWeekOf(input: PersonalWeekInput): PersonalWeekData {
  const { week } = input;
  const history = {
    weeks: weekCountsOf(input.days),
    pausedWeeks: pausedWeeksOf(input.timezone, input.pauses, input.now),
    currentWeek: week.weekStart,
  };
  const goalLines = input.goals.flatMap((summary) => {
    // Only goals whose period ended with this week: a month still running is neither met nor missed yet.
    const period = periodEndedIn(week, summary.history);
    if (!period) return [];
    const smallerOffer = summary.offer?.kind === 'smaller' && offerIsNewWith(summary.offer, period) ? summary.offer.to : undefined;
    return [{ title: summary.goal.title, target: period.target, count: period.count, period: summary.current.period, met: period.met, smallerOffer }];
  });
  return {
    weekStart: week.weekStart,
    timezone: input.timezone,
    winsThisWeek: history.weeks.get(formatLocalDate(week.weekStart)) ?? 0,
    usualWeek: usualWeek(history) ?? undefined,
    // As of now, like /progress: one streak, one answer everywhere.
    streaks: weeklyStreaks({ ...history, currentWeek: mondayOf(localDateOf(input.timezone, input.now)) }),
    pausedNow: isPausedAt(input.pauses, input.now),
    goals: goalLines,
    oldWin: input.oldWin,
  };
}
