import { and, eq } from 'drizzle-orm';
import { chooseOldWin } from './remember.js';
import type { PersonalWeekInput } from '../domain/recap/personal-week.js';
import { memberWeekFor } from '../domain/recap/weeks.js';
import type { CoveredWeek } from '../domain/schedule.js';
import type { PauseSpan } from '../domain/streaks.js';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import { summariseGoals } from './goal-progress.js';
import { activeGoals } from './goals.js';
import type { MemberKey } from './members.js';
import { pausesOverlapping } from './pauses.js';
import { wins } from './schema.js';
import { repairedWeeksOf } from './streak-repairs.js';
import { winCountsByLocalDay } from './stats.js';

// "One of their own wins from at least a few weeks ago."
const OLD_WIN_MIN_AGE_DAYS = 21;
const DAY_MS = 24 * 60 * 60_000;

/**
 * A member's wins per local day, their pauses and repaired weeks: what streaks and usual weeks are computed from.
 * `winsBefore` null: every win they have logged.
 */
export async function memberHistory(
  db: Db,
  key: MemberKey,
  timezone: string,
  until: { winsBefore: Date | null; pausesBefore: Date },
): Promise<{ days: Map<string, number>; pauses: PauseSpan[]; repairedWeeks: Set<string> }> {
  const [days, pauseRows, repairedWeeks] = await Promise.all([
    winCountsByLocalDay(db, key, until.winsBefore && { start: new Date(0), end: until.winsBefore }, timezone),
    pausesOverlapping(db, key, { start: new Date(0), end: until.pausesBefore }),
    repairedWeeksOf(db, key),
  ]);
  return { days, pauses: pauseRows.map((p) => ({ start: p.startedAt, end: p.endsAt })), repairedWeeks };
}

/**
 * One of the member's old wins, chosen as /remember chooses (an anniversary first, then at random) among
 * those not brought back lately: no "Remember this?" twice in a few weeks, and never the win the
 * server's archive line showed the same evening. None when every old win was shown lately.
 */
async function oldWinOf(db: Db, key: MemberKey, timezone: string, before: Date, now: Date, random: () => number): Promise<PersonalWeekInput['oldWin']> {
  const chosen = await chooseOldWin(db, key, before, { timezone, now, random });
  if (!chosen || chosen.kind === 'again') return undefined;
  const [win] = await db.select({ id: wins.id, text: wins.text, occurredAt: wins.occurredAt }).from(wins).where(and(ofMember(wins, key), eq(wins.id, chosen.win.id)));
  return win;
}

/** What a member's personal recap is made from, in their timezone, private wins included: it is for them alone. */
export async function readPersonalWeek(db: Db, key: MemberKey, timezone: string, serverWeek: CoveredWeek, now: Date, random: () => number): Promise<PersonalWeekInput> {
  const week = memberWeekFor(timezone, serverWeek);
  const [history, goals] = await Promise.all([memberHistory(db, key, timezone, { winsBefore: now, pausesBefore: now }), activeGoals(db, key)]);
  const summaries = await summariseGoals(db, goals, timezone, week.range.end, { includePrivate: true });
  const oldWin = await oldWinOf(db, key, timezone, new Date(week.range.start.getTime() - OLD_WIN_MIN_AGE_DAYS * DAY_MS), now, random);
  return { timezone, week, ...history, goals: summaries, oldWin, now };
}
