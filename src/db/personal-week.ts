import { and, asc, count, eq, lt } from 'drizzle-orm';
import type { PersonalWeekData } from '../domain/recap/types.js';
import type { CoveredWeek } from '../domain/schedule.js';
import { pausedWeeksOf, usualWeek, weekCountsOf, weeklyStreaks } from '../domain/streaks.js';
import { formatLocalDate, localDateOf, mondayOf, weekRange, type LocalDate, type Range } from '../domain/time.js';
import type { Db } from './client.js';
import { summariseGoals } from './goal-progress.js';
import { activeGoals } from './goals.js';
import { memberTimezone, type MemberKey } from './members.js';
import { pausesOverlapping } from './pauses.js';
import { wins } from './schema.js';
import { winCountsByLocalDay } from './stats.js';

// "One of their own wins from at least a few weeks ago."
const OLD_WIN_MIN_AGE_DAYS = 21;
const DAY_MS = 24 * 60 * 60_000;

/**
 * The member's own week matching the server's covered week: the local week holding its midpoint,
 * so a member a few hours either side of the server still gets the same week (only its edges move).
 */
export function memberWeekFor(timezone: string, serverWeek: CoveredWeek): { weekStart: LocalDate; range: Range } {
  const midpoint = new Date((serverWeek.range.start.getTime() + serverWeek.range.end.getTime()) / 2);
  const range = weekRange(timezone, midpoint);
  return { weekStart: mondayOf(localDateOf(timezone, range.start)), range };
}

async function oldWinOf(db: Db, key: MemberKey, before: Date, random: () => number): Promise<PersonalWeekData['oldWin']> {
  const older = and(eq(wins.guildId, key.guildId), eq(wins.userId, key.userId), lt(wins.occurredAt, before));
  const [total] = await db.select({ n: count() }).from(wins).where(older);
  if (!total || total.n === 0) return undefined;
  const offset = Math.min(total.n - 1, Math.floor(random() * total.n));
  const [win] = await db.select({ text: wins.text, occurredAt: wins.occurredAt }).from(wins).where(older).orderBy(asc(wins.id)).offset(offset).limit(1);
  return win;
}

/** A member's own week for the personal recap by DM, in their timezone, private wins included: it is for them alone. */
export async function gatherPersonalWeek(db: Db, key: MemberKey, serverWeek: CoveredWeek, now: Date, random: () => number): Promise<PersonalWeekData> {
  const timezone = await memberTimezone(db, key);
  const week = memberWeekFor(timezone, serverWeek);
  const [days, pauseRows, goals] = await Promise.all([
    winCountsByLocalDay(db, key, { start: new Date(0), end: week.range.end }, timezone),
    pausesOverlapping(db, key, { start: new Date(0), end: week.range.end }),
    activeGoals(db, key),
  ]);
  const history = {
    weeks: weekCountsOf(days),
    pausedWeeks: pausedWeeksOf(timezone, pauseRows.map((p) => ({ start: p.startedAt, end: p.endsAt })), now),
    currentWeek: week.weekStart,
  };
  const summaries = await summariseGoals(db, goals, timezone, week.range.end, { includePrivate: true });
  const ended = (end: Date) => end.getTime() > week.range.start.getTime() && end.getTime() <= week.range.end.getTime();
  const goalLines = summaries.flatMap((summary) => {
    // Only goals whose period ended with this week: a month still running is neither met nor missed yet.
    const period = summary.history.find((p) => ended(p.range.end));
    if (!period) return [];
    const smallerOffer = summary.offer?.kind === 'smaller' ? summary.offer.to : undefined;
    return [{ title: summary.goal.title, target: period.target, count: period.count, period: summary.current.period, met: period.met, smallerOffer }];
  });
  return {
    weekStart: week.weekStart,
    timezone,
    winsThisWeek: history.weeks.get(formatLocalDate(week.weekStart)) ?? 0,
    usualWeek: usualWeek(history) ?? undefined,
    streakWeeks: weeklyStreaks(history).current,
    goals: goalLines,
    oldWin: await oldWinOf(db, key, new Date(week.range.start.getTime() - OLD_WIN_MIN_AGE_DAYS * DAY_MS), random),
  };
}
