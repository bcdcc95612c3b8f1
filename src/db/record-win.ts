import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { monthRange, weekRange, type Range } from '../domain/time.js';
import { isOutcomeUnknown, OutcomeUnknownError } from './errors.js';
import type { MemberKey } from './members.js';


export interface WinWrite extends MemberKey {
  text: string;
  isPrivate: boolean;
  occurredAt: Date;
  /** Discord's interaction id: a second delivery of one interaction stores nothing new. */
  interactionId: string | null;
  source?: 'command' | 'message';
  sourceMessageId?: string | null;
  goalId?: number | null;
}

/** The week (and, with a goal, the month) that `occurredAt` falls in, in the timezone they were computed in. */
export interface WinRanges {
  timezone: string;
  week: Range;
  month: Range;
}

export interface WinCounts {
  weekCount: number;
  weekPublicCount: number;
  /** The member's first win in this server (and the first public one). */
  firstEver: boolean;
  firstPublic: boolean;
  goal?: { count: number; publicCount: number; target: number; period: 'week' | 'month' } | undefined;
}

export interface RecordedWin {
  id: number;
  occurredAt: Date;
  /** False when this interaction had already stored its win (Discord delivered it twice). */
  created: boolean;
  /** The member's timezone as stored; the counts are right only when it equals `ranges.timezone`. */
  timezone: string;
  counts: WinCounts;
}

type Row = Record<string, unknown>;

// Raw statements bind instants as ISO text: the two drivers serialise Date parameters differently.
const at = (instant: Date): SQL => sql`${instant.toISOString()}::timestamptz`;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));

const timezoneOf = (key: MemberKey): SQL => sql`coalesce(
  (select m.timezone from members m where m.guild_id = ${key.guildId} and m.user_id = ${key.userId}),
  (select g.timezone from guilds g where g.id = ${key.guildId}),
  'UTC')`;

/** Counts over the member's wins (and the goal's), optionally leaving one win out of them. */
function countColumns(key: MemberKey, goalId: number | null, ranges: WinRanges, occurredAt: Date): SQL {
  const member = sql`w.guild_id = ${key.guildId} and w.user_id = ${key.userId}`;
  const inWeek = sql`w.occurred_at >= ${at(ranges.week.start)} and w.occurred_at < ${at(ranges.week.end)}`;
  const revision = sql`(select r.target, r.period from goal_revisions r where r.goal_id = ${goalId} and r.effective_from <= ${at(occurredAt)}
    order by r.effective_from desc limit 1)`;
  const period = sql`coalesce(rev.period, g.period)`;
  const goalRange = sql`w.occurred_at >= case ${period} when 'month' then ${at(ranges.month.start)} else ${at(ranges.week.start)} end
    and w.occurred_at < case ${period} when 'month' then ${at(ranges.month.end)} else ${at(ranges.week.end)} end`;
  return sql`
    (select count(*)::int from wins w where ${member} and ${inWeek}) as week_count,
    (select count(*)::int from wins w where ${member} and ${inWeek} and not w.is_private) as week_public_count,
    (select count(*)::int from (select 1 from wins w where ${member} limit 2) two) as any_upto_2,
    (select count(*)::int from (select 1 from wins w where ${member} and not w.is_private limit 2) two) as public_upto_2,
    coalesce(rev.target, g.target) as goal_target, ${period} as goal_period,
    (select count(*)::int from wins w where w.goal_id = ${goalId} and ${goalRange}) as goal_count,
    (select count(*)::int from wins w where w.goal_id = ${goalId} and ${goalRange} and not w.is_private) as goal_public_count,
    ${timezoneOf(key)} as timezone
  from (select 1) one left join lateral ${revision} rev on true left join goals g on g.id = ${goalId}`;
}

function countsFrom(row: Row, add: { any: number; isPrivate: boolean }): WinCounts {
  const addPublic = add.isPrivate ? 0 : add.any;
  const goalTarget = row.goal_target as number | null;
  return {
    weekCount: Number(row.week_count) + add.any,
    weekPublicCount: Number(row.week_public_count) + addPublic,
    firstEver: Number(row.any_upto_2) + add.any === 1,
    firstPublic: !add.isPrivate && Number(row.public_upto_2) + addPublic === 1,
    goal:
      goalTarget === null || goalTarget === undefined
        ? undefined
        : {
            count: Number(row.goal_count) + add.any,
            publicCount: Number(row.goal_public_count) + addPublic,
            target: Number(goalTarget),
            period: row.goal_period === 'month' ? 'month' : 'week',
          },
  };
}

/**
 * Stores a win and answers everything its celebration needs, in one statement (one round trip):
 * the server and member rows on first contact, the win itself, this week's counts and the goal's.
 * The statement sees the database as it was before the insert, so the new win is added to the counts here.
 */
export async function recordWinWithCounts(db: Db, input: WinWrite, ranges: WinRanges, now: Date): Promise<RecordedWin> {
  const goalId = input.goalId ?? null;
  // Prepared on PostgreSQL like every query (src/db/prepared-client.ts): parsed and planned once per connection.
  const rows = rowsOf(await db.execute(sql`
    with guild_row as (
      insert into guilds (id, created_at) values (${input.guildId}, ${at(now)}) on conflict do nothing
    ), member_row as (
      insert into members (guild_id, user_id, created_at) values (${input.guildId}, ${input.userId}, ${at(now)}) on conflict do nothing
    ), saved as (
      insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at, source, source_message_id, goal_id, interaction_id)
      values (${input.guildId}, ${input.userId}, ${input.text}, ${input.isPrivate}, ${at(input.occurredAt)}, ${at(now)},
        ${input.source ?? 'command'}, ${input.sourceMessageId ?? null}, ${goalId}, ${input.interactionId})
      on conflict (interaction_id) where interaction_id is not null do nothing
      returning id, occurred_at
    )
    select saved.id::text as id, saved.occurred_at, counts.*
    from saved, lateral (select ${countColumns(input, goalId, ranges, input.occurredAt)}) counts`));
  const [row] = rows;
  if (row) {
    return {
      id: Number(row.id),
      occurredAt: new Date(row.occurred_at as Date | string),
      created: true,
      timezone: String(row.timezone),
      counts: countsFrom(row, { any: 1, isPrivate: input.isPrivate }),
    };
  }
  if (input.interactionId === null) throw new Error('insert returned no row');
  const repeat = await winOfInteraction(db, input, input.interactionId, ranges);
  if (!repeat) throw new Error('insert returned no row and no earlier win has this interaction');
  return repeat;
}

/** The win an interaction already stored, with its counts as they stand now (it is among them). */
async function winOfInteraction(db: Db, key: MemberKey, interactionId: string, ranges: WinRanges): Promise<RecordedWin | undefined> {
  const [found] = rowsOf(
    await db.execute(sql`select id::text as id, occurred_at, is_private, goal_id::text as goal_id from wins
      where interaction_id = ${interactionId} and guild_id = ${key.guildId} and user_id = ${key.userId}`),
  );
  if (!found) return undefined;
  const occurredAt = new Date(found.occurred_at as Date | string);
  const counts = await countsForStoredWin(db, key, found.goal_id === null ? null : Number(found.goal_id), ranges, occurredAt, Boolean(found.is_private));
  return { id: Number(found.id), occurredAt, created: false, ...counts };
}

/**
 * The counts for a win that is already stored, e.g. when the timezone guessed for the write
 * turned out stale and the ranges had to be computed again.
 */
export async function countsForStoredWin(
  db: Db,
  key: MemberKey,
  goalId: number | null,
  ranges: WinRanges,
  occurredAt: Date,
  isPrivate: boolean,
): Promise<{ timezone: string; counts: WinCounts }> {
  const [row] = rowsOf(await db.execute(sql`select ${countColumns(key, goalId, ranges, occurredAt)}`));
  if (!row) throw new Error('counts returned no row');
  // The win is already stored, so it is among the counts.
  return { timezone: String(row.timezone), counts: countsFrom(row, { any: 0, isPrivate }) };
}

/** The week and month an instant falls in, in one timezone: what a win's counts are counted over. */
export const winRangesIn = (timezone: string, instant: Date): WinRanges => ({
  timezone,
  week: weekRange(timezone, instant),
  month: monthRange(timezone, instant),
});

// The member's timezone as last seen, per database: a good guess saves a round trip before the write.
// The write returns the stored one, so a stale guess only costs a second count, never a wrong answer.
const timezoneHints = new WeakMap<Db, Map<string, string>>();
const HINTS_MAX = 50_000;

/**
 * Stores a win and counts it in the member's own week (and goal period): one statement when the
 * timezone is known or guessed right, one more when the guess was stale. Pass `timezone` when the
 * caller already read it (a back-dated win needs it before the write).
 */
export async function recordMemberWin(db: Db, input: WinWrite & { timezone?: string | undefined }, now: Date): Promise<RecordedWin & { ranges: WinRanges }> {
  let hints = timezoneHints.get(db);
  if (!hints) timezoneHints.set(db, (hints = new Map()));
  const hintKey = `${input.guildId}:${input.userId}`;
  const guess = input.timezone ?? hints.get(hintKey) ?? 'UTC';
  const saved = await writeOnce(() => recordWinWithCounts(db, input, winRangesIn(guess, input.occurredAt), now), input.interactionId !== null);
  if (hints.size >= HINTS_MAX) hints.clear();
  hints.set(hintKey, saved.timezone);
  if (saved.timezone === guess) return { ...saved, ranges: winRangesIn(guess, saved.occurredAt) };
  const ranges = winRangesIn(saved.timezone, saved.occurredAt);
  const recounted = await countsForStoredWin(db, input, input.goalId ?? null, ranges, saved.occurredAt, input.isPrivate);
  return { ...saved, counts: recounted.counts, ranges };
}

/**
 * A dropped connection can hide a commit. Stored under its interaction id, the win can be written
 * again safely: a repeat finds the first one. If asking again fails too, the outcome stays unknown.
 */
async function writeOnce<T>(write: () => Promise<T>, idempotent: boolean): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    if (!idempotent) throw new OutcomeUnknownError('the connection dropped during the write', { cause: error });
    try {
      return await write();
    } catch (again) {
      throw new OutcomeUnknownError('the connection dropped during the write and the retry', { cause: again });
    }
  }
}
