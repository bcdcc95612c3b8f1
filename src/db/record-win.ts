import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';

export interface Range {
  start: Date;
  end: Date;
}

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
  const goalRange = sql`w.occurred_at >= case rev.period when 'month' then ${at(ranges.month.start)} else ${at(ranges.week.start)} end
    and w.occurred_at < case rev.period when 'month' then ${at(ranges.month.end)} else ${at(ranges.week.end)} end`;
  return sql`
    (select count(*)::int from wins w where ${member} and ${inWeek}) as week_count,
    (select count(*)::int from wins w where ${member} and ${inWeek} and not w.is_private) as week_public_count,
    (select count(*)::int from (select 1 from wins w where ${member} limit 2) two) as any_upto_2,
    (select count(*)::int from (select 1 from wins w where ${member} and not w.is_private limit 2) two) as public_upto_2,
    rev.target as goal_target, rev.period as goal_period,
    (select count(*)::int from wins w where w.goal_id = ${goalId} and ${goalRange}) as goal_count,
    (select count(*)::int from wins w where w.goal_id = ${goalId} and ${goalRange} and not w.is_private) as goal_public_count,
    ${timezoneOf(key)} as timezone
  from (select 1) one left join lateral ${revision} rev on true`;
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
  const result = await db.execute(sql`
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
    from saved, lateral (select ${countColumns(input, goalId, ranges, input.occurredAt)}) counts`);
  const [row] = rowsOf(result);
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
  const counts = await winCounts(db, key, found.goal_id === null ? null : Number(found.goal_id), ranges, occurredAt, Boolean(found.is_private));
  return { id: Number(found.id), occurredAt, created: false, ...counts };
}

/**
 * The counts for a win that is already stored, e.g. when the timezone guessed for the write
 * turned out stale and the ranges had to be computed again.
 */
export async function winCounts(
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
