import { and, asc, count, countDistinct, eq, gte, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { GUILD_DEFAULTS } from '../domain/guild-defaults.js';
import type { RecapWeekData } from '../domain/recap/types.js';
import { weekAheadOf, type CoveredWeek } from '../domain/schedule.js';
import { addDays, startOfLocalDay, weekKey, type Range } from '../domain/time.js';
import { pickOne, randomIndex } from '../domain/seeded-random.js';
import { countsPerRange, localWeekOf, MONTH_AGO_WEEKS, periodEndedIn, previousWeeks, sameDateAYearAgo } from '../domain/recap/weeks.js';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import { recentEncouragementLines } from './recap.js';
import { summariseGoals } from './goal-progress.js';
import { recapPartnerGroups } from './partners.js';
import { goals, guilds, members, recapRuns, wins, type Goal } from './schema.js';

const publicWinColumns = { id: wins.id, userId: wins.userId, text: wins.text, occurredAt: wins.occurredAt };
const publicIn = (guildId: string, range: Range) =>
  and(eq(wins.guildId, guildId), eq(wins.isPrivate, false), gte(wins.occurredAt, range.start), lt(wins.occurredAt, range.end));


/** One public win from the same dates a year ago, else about a month ago, else at random from before that. */
async function archiveWin(db: Db, guildId: string, timezone: string, week: CoveredWeek, random: () => number): Promise<RecapWeekData['archive']> {
  const yearAgo = await db.select(publicWinColumns).from(wins).where(publicIn(guildId, localWeekOf(timezone, sameDateAYearAgo(week.firstDay)))).orderBy(asc(wins.id));
  const fromYear = pickOne(yearAgo, random);
  if (fromYear) return { win: fromYear, kind: 'year' };
  const monthAgoStart = addDays(week.firstDay, -7 * MONTH_AGO_WEEKS);
  const monthAgo = await db.select(publicWinColumns).from(wins).where(publicIn(guildId, localWeekOf(timezone, monthAgoStart))).orderBy(asc(wins.id));
  const fromMonth = pickOne(monthAgo, random);
  if (fromMonth) return { win: fromMonth, kind: 'month' };
  const older = publicIn(guildId, { start: new Date(0), end: startOfLocalDay(timezone, monthAgoStart) });
  const [total] = await db.select({ n: count() }).from(wins).where(older);
  if (!total || total.n === 0) return undefined;
  const offset = randomIndex(total.n, random);
  const [win] = await db.select(publicWinColumns).from(wins).where(older).orderBy(asc(wins.id)).offset(offset).limit(1);
  return win ? { win, kind: 'older' } : undefined;
}

/** Public win counts of the weeks before the covered one, newest first. */
async function previousWeekCounts(db: Db, guildId: string, timezone: string, week: CoveredWeek): Promise<number[]> {
  const ranges = previousWeeks(timezone, week);
  const oldest = ranges.at(-1)?.start ?? week.range.start;
  const rows = await db.select({ occurredAt: wins.occurredAt }).from(wins).where(publicIn(guildId, { start: oldest, end: week.range.start }));
  return countsPerRange(rows.map((row) => row.occurredAt), ranges);
}

/**
 * Of the members with public wins this week, those with no win here at all before it. One statement that
 * needs nothing from the week's wins, so it runs beside them (and no list of ids makes a new statement).
 */
async function firstTimers(db: Db, guildId: string, week: CoveredWeek): Promise<number> {
  const earlier = alias(wins, 'earlier');
  const [row] = await db
    .select({ n: countDistinct(wins.userId) })
    .from(wins)
    .where(
      and(
        publicIn(guildId, week.range),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.guildId, wins.guildId), eq(earlier.userId, wins.userId), lt(earlier.occurredAt, week.range.start))),
        ),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Goals shared with the server met in the covered week: goals whose period (in their member's
 * timezone, counting all their linked wins) ended within the week and reached its target. Only
 * the number is shown; a private or partner goal never counts, even as a number (SPEC §4).
 */
async function goalsMetIn(db: Db, guildId: string, serverTimezone: string, week: CoveredWeek): Promise<number> {
  const rows = await db
    .select({ goal: goals, timezone: members.timezone })
    .from(goals)
    .innerJoin(members, ofMember(members, goals))
    .where(and(eq(goals.guildId, guildId), eq(goals.share, 'server'), lt(goals.createdAt, week.range.end), or(isNull(goals.archivedAt), gte(goals.archivedAt, week.range.end))));
  const byZone = new Map<string, Goal[]>();
  for (const { goal, timezone } of rows) {
    const zone = timezone ?? serverTimezone;
    byZone.set(zone, [...(byZone.get(zone) ?? []), goal]);
  }
  const summaries = await Promise.all([...byZone].map(([zone, zoneGoals]) => summariseGoals(db, zoneGoals, zone, week.range.end, { includePrivate: true })));
  return summaries.flat().filter(({ history }) => periodEndedIn(week, history)?.met === true).length;
}

/** Everything the server's recap of `week` is composed from, public wins only (SPEC §4). */
async function gatherRecapWeek(
  db: Db,
  guild: { id: string; timezone: string },
  week: CoveredWeek,
  options: { random: () => number; runId?: number; lateByMinutes?: number },
): Promise<RecapWeekData> {
  const [publicWins, archive, previous, newcomers, goalsMet, posted, partnerGroups] = await Promise.all([
    db.select(publicWinColumns).from(wins).where(publicIn(guild.id, week.range)).orderBy(asc(wins.occurredAt), asc(wins.id)),
    archiveWin(db, guild.id, guild.timezone, week, options.random),
    previousWeekCounts(db, guild.id, guild.timezone, week),
    firstTimers(db, guild.id, week),
    goalsMetIn(db, guild.id, guild.timezone, week),
    hasPostedRecap(db, guild.id, options.runId),
    // Partners are for the week the recap opens (a Sunday-evening recap pairs for the coming week).
    recapPartnerGroups(db, guild.id, weekKey(guild.timezone, weekAheadOf(guild.timezone, week.range.end))),
  ]);
  const userIds = new Set(publicWins.map((w) => w.userId));
  return {
    firstDay: week.firstDay,
    lastDay: week.lastDay,
    timezone: guild.timezone,
    memberCount: userIds.size,
    winCount: publicWins.length,
    goalsMet,
    publicWins,
    archive,
    previousWeekCounts: previous,
    firstRecap: !posted,
    firstTimers: newcomers,
    partnerGroups,
    ...(options.lateByMinutes !== undefined ? { lateByMinutes: options.lateByMinutes } : {}),
  };
}

/** Whether the server has had a recap posted, other than the given run. */
async function hasPostedRecap(db: Db, guildId: string, exceptRunId: number | undefined): Promise<boolean> {
  const conditions = [eq(recapRuns.guildId, guildId), eq(recapRuns.status, 'posted')];
  if (exceptRunId !== undefined) conditions.push(ne(recapRuns.id, exceptRunId));
  const [row] = await db.select({ id: recapRuns.id }).from(recapRuns).where(and(...conditions)).limit(1);
  return row !== undefined;
}

/** The server's timezone and recap settings; defaults for a server never seen. */
export async function recapSettings(db: Db, guildId: string) {
  const [row] = await db.select().from(guilds).where(eq(guilds.id, guildId)).limit(1);
  return row ?? { id: guildId, timezone: GUILD_DEFAULTS.timezone, recapDay: GUILD_DEFAULTS.recapDay, recapTime: GUILD_DEFAULTS.recapTime, nextRecapAt: null };
}

/**
 * What the server's recap of `week` is composed from: the week's data, and the encouragement lines
 * it saw lately. `random` picks the archive win; seed it by server and week (`recapRandom`).
 */
export async function readServerRecap(
  db: Db,
  guild: { id: string; timezone: string },
  week: CoveredWeek,
  options: { now: Date; random: () => number; runId?: number; lateByMinutes?: number },
): Promise<{ data: RecapWeekData; recentLineIds: Set<string> }> {
  const [data, recentLineIds] = await Promise.all([gatherRecapWeek(db, guild, week, options), recentEncouragementLines(db, guild.id, options.now)]);
  return { data, recentLineIds };
}
