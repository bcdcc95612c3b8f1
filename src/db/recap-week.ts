import { and, asc, count, countDistinct, eq, gte, inArray, isNull, lt, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { GUILD_DEFAULTS } from '../domain/guild-defaults.js';
import type { RecapWeekData } from '../domain/recap/types.js';
import { weekAheadOf, type CoveredWeek } from '../domain/schedule.js';
import { addDays, startOfLocalDay, weekKey, type Range } from '../domain/time.js';
import { pickOne, randomIndex } from '../domain/seeded-random.js';
import { countsPerRange, localWeekOf, MONTH_AGO_WEEKS, previousWeeks, sameDateAYearAgo } from '../domain/recap/weeks.js';
import { goalMetMoments, metWithin } from '../domain/recap/goals-met.js';
import { BEAT_USUAL_HISTORY_WEEKS, beatUsualCount, type MemberSpanTally } from '../domain/recap/beat-usual.js';
import { REMEMBER_REPEAT_DAYS } from '../domain/remember.js';
import { BACKDATE_MAX_DAYS } from '../domain/win-input.js';
import { revisionsOf } from './goals.js';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import { recentEncouragementLines } from './recap.js';
import { recapPartnerGroups } from './partners.js';
import { goals, guilds, members, recapRuns, wins } from './schema.js';

const publicWinColumns = { id: wins.id, userId: wins.userId, text: wins.text, occurredAt: wins.occurredAt };
const publicIn = (guildId: string, range: Range) =>
  and(eq(wins.guildId, guildId), eq(wins.isPrivate, false), gte(wins.occurredAt, range.start), lt(wins.occurredAt, range.end));

const DAY_MS = 24 * 60 * 60_000;
/**
 * Public wins LOGGED in the span (SPEC §4: a win back-dated into a recapped week is in the next recap).
 * A win happens at most BACKDATE_MAX_DAYS (and a day of timezones) before it is logged: that bound on
 * `occurred_at` lets the (guild, occurred_at) index find them.
 */
const publicLoggedIn = (guildId: string, range: Range) =>
  and(
    eq(wins.guildId, guildId),
    eq(wins.isPrivate, false),
    gte(wins.createdAt, range.start),
    lt(wins.createdAt, range.end),
    gte(wins.occurredAt, new Date(range.start.getTime() - (BACKDATE_MAX_DAYS + 2) * DAY_MS)),
    lt(wins.occurredAt, new Date(range.end.getTime() + 2 * DAY_MS)),
  );
/** Not brought back to anyone lately (a DM's old win, /remember, an archive line): no repeats in recent weeks. */
const notShownSince = (since: Date) => or(isNull(wins.rememberedAt), lt(wins.rememberedAt, since));


/** One public win from the same dates a year ago, else about a month ago, else at random from before that. */
async function archiveWin(db: Db, guildId: string, timezone: string, week: CoveredWeek, now: Date, random: () => number): Promise<RecapWeekData['archive']> {
  const fresh = notShownSince(new Date(now.getTime() - REMEMBER_REPEAT_DAYS * DAY_MS));
  // Every date the recap names, a year earlier: two weeks for a recap that covers two.
  const yearAgoDates = { start: startOfLocalDay(timezone, sameDateAYearAgo(week.firstDay)), end: startOfLocalDay(timezone, addDays(sameDateAYearAgo(week.lastDay), 1)) };
  const yearAgo = await db.select(publicWinColumns).from(wins).where(and(publicIn(guildId, yearAgoDates), fresh)).orderBy(asc(wins.id));
  const fromYear = pickOne(yearAgo, random);
  if (fromYear) return { win: fromYear, kind: 'year' };
  const monthAgoStart = addDays(week.firstDay, -7 * MONTH_AGO_WEEKS);
  const monthAgo = await db.select(publicWinColumns).from(wins).where(and(publicIn(guildId, localWeekOf(timezone, monthAgoStart)), fresh)).orderBy(asc(wins.id));
  const fromMonth = pickOne(monthAgo, random);
  if (fromMonth) return { win: fromMonth, kind: 'month' };
  const older = and(publicIn(guildId, { start: new Date(0), end: startOfLocalDay(timezone, monthAgoStart) }), fresh);
  const [total] = await db.select({ n: count() }).from(wins).where(older);
  if (!total || total.n === 0) return undefined;
  const offset = randomIndex(total.n, random);
  const [win] = await db.select(publicWinColumns).from(wins).where(older).orderBy(asc(wins.id)).offset(offset).limit(1);
  return win ? { win, kind: 'older' } : undefined;
}

/** Public wins logged in each of the weeks before the covered one, newest first. */
async function previousWeekCounts(db: Db, guildId: string, timezone: string, week: CoveredWeek): Promise<number[]> {
  const ranges = previousWeeks(timezone, week);
  const oldest = ranges.at(-1)?.start ?? week.range.start;
  const rows = await db.select({ createdAt: wins.createdAt }).from(wins).where(publicLoggedIn(guildId, { start: oldest, end: week.range.start }));
  return countsPerRange(rows.map((row) => row.createdAt), ranges);
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
        publicLoggedIn(guildId, week.range),
        notExists(
          db
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.guildId, wins.guildId), eq(earlier.userId, wins.userId), lt(earlier.createdAt, week.range.start))),
        ),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Goals shared with the server met within the covered span: counted at the moment the win that met
 * them was logged (in their member's timezone, counting all their linked wins), so a goal met on a
 * Sunday afternoon is in that evening's recap. Only the number is shown; a private or partner goal
 * never counts, even as a number (SPEC §4).
 */
async function goalsMetIn(db: Db, guildId: string, serverTimezone: string, week: CoveredWeek): Promise<number> {
  const rows = await db
    .select({ id: goals.id, timezone: members.timezone })
    .from(goals)
    .innerJoin(members, ofMember(members, goals))
    .where(and(eq(goals.guildId, guildId), eq(goals.share, 'server'), lt(goals.createdAt, week.range.end), or(isNull(goals.archivedAt), gte(goals.archivedAt, week.range.start))));
  if (rows.length === 0) return 0;
  const ids = rows.map((row) => row.id);
  // A month's period can start five weeks before the span; a back-dated win two weeks more.
  const since = new Date(week.range.start.getTime() - (31 + BACKDATE_MAX_DAYS + 2) * DAY_MS);
  const [revisions, linked] = await Promise.all([
    revisionsOf(db, ids),
    db
      .select({ goalId: wins.goalId, occurredAt: wins.occurredAt, createdAt: wins.createdAt })
      .from(wins)
      .where(and(eq(wins.guildId, guildId), inArray(wins.goalId, ids), gte(wins.occurredAt, since), lt(wins.createdAt, week.range.end))),
  ]);
  return rows.reduce((met, row) => {
    const own = linked.filter((win) => win.goalId === row.id);
    return met + metWithin(goalMetMoments(revisions.get(row.id) ?? [], own, row.timezone ?? serverTimezone), week.range);
  }, 0);
}

/**
 * Per member with public wins here before the span ends: wins logged in the span, in the 4 weeks before
 * it, and their first. For "N members beat their own usual week" (SPEC §13); the rule is the domain's.
 */
async function memberSpanTallies(db: Db, guildId: string, span: Range): Promise<MemberSpanTally[]> {
  const before = new Date(span.start.getTime() - BEAT_USUAL_HISTORY_WEEKS * 7 * DAY_MS).toISOString();
  const start = span.start.toISOString();
  const rows = await db
    .select({
      inSpan: sql<number>`count(*) filter (where ${wins.createdAt} >= ${start}::timestamptz)`.mapWith(Number),
      inFourWeeksBefore: sql<number>`count(*) filter (where ${wins.createdAt} >= ${before}::timestamptz and ${wins.createdAt} < ${start}::timestamptz)`.mapWith(Number),
      firstWinAt: sql<string>`min(${wins.createdAt})`,
    })
    .from(wins)
    .where(and(eq(wins.guildId, guildId), eq(wins.isPrivate, false), lt(wins.createdAt, span.end)))
    .groupBy(wins.userId);
  return rows.map((row) => ({ inSpan: row.inSpan, inFourWeeksBefore: row.inFourWeeksBefore, firstWinAt: new Date(row.firstWinAt) }));
}

/** Everything the server's recap of `week` is composed from, public wins only (SPEC §4). */
async function gatherRecapWeek(
  db: Db,
  guild: { id: string; timezone: string },
  week: CoveredWeek,
  options: { now: Date; random: () => number; runId?: number; lateByMinutes?: number },
): Promise<RecapWeekData> {
  const [publicWins, archive, previous, newcomers, goalsMet, shownWinsBefore, partnerGroups, tallies] = await Promise.all([
    db.select(publicWinColumns).from(wins).where(publicLoggedIn(guild.id, week.range)).orderBy(asc(wins.createdAt), asc(wins.id)),
    archiveWin(db, guild.id, guild.timezone, week, options.now, options.random),
    previousWeekCounts(db, guild.id, guild.timezone, week),
    firstTimers(db, guild.id, week),
    goalsMetIn(db, guild.id, guild.timezone, week),
    hadRecapWithWins(db, guild.id, week, options.runId),
    // Partners are for the week the recap opens (a Sunday-evening recap pairs for the coming week).
    recapPartnerGroups(db, guild.id, weekKey(guild.timezone, weekAheadOf(guild.timezone, week.range.end))),
    memberSpanTallies(db, guild.id, week.range),
  ]);
  const beatUsual = beatUsualCount(tallies, week.range);
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
    firstRecap: !shownWinsBefore,
    firstTimers: newcomers,
    partnerGroups,
    ...(beatUsual !== undefined ? { beatUsual } : {}),
    ...(options.lateByMinutes !== undefined ? { lateByMinutes: options.lateByMinutes } : {}),
  };
}

/**
 * Whether the server has had a recap posted (other than the given run) and public wins logged before
 * `week`: a server whose earlier recaps were all empty posts has its first week when its first wins
 * come (SPEC §4), not a comeback.
 */
async function hadRecapWithWins(db: Db, guildId: string, week: CoveredWeek, exceptRunId: number | undefined): Promise<boolean> {
  const conditions = [eq(recapRuns.guildId, guildId), eq(recapRuns.status, 'posted')];
  if (exceptRunId !== undefined) conditions.push(ne(recapRuns.id, exceptRunId));
  const [[run], [win]] = await Promise.all([
    db.select({ id: recapRuns.id }).from(recapRuns).where(and(...conditions)).limit(1),
    db
      .select({ id: wins.id })
      .from(wins)
      // A win happens at most a day (of timezones) after it is logged: that bound lets the (guild, occurred_at) index help.
      .where(and(eq(wins.guildId, guildId), eq(wins.isPrivate, false), lt(wins.createdAt, week.range.start), lt(wins.occurredAt, new Date(week.range.start.getTime() + 2 * DAY_MS))))
      .limit(1),
  ]);
  return run !== undefined && win !== undefined;
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
