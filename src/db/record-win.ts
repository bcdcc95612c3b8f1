import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Range } from '../domain/time.js';
import { isOutcomeUnknown, OutcomeUnknownError } from './errors.js';
import { fixedStatement, type FixedStatement } from './fixed-sql.js';
import { rawQueriesOf } from './raw-queries.js';
import { goalTargetThenSql } from './goal-target-sql.js';
import type { MemberKey } from './members.js';
import { memberKeyText, memberTimezoneSql, periodsSql, winMemberKeySql } from './member-time-sql.js';

export interface WinWrite extends MemberKey {
  text: string;
  isPrivate: boolean;
  occurredAt: Date;
  /** Discord's interaction id: a second delivery of one interaction stores nothing new. */
  interactionId: string | null;
  source?: 'command' | 'message';
  sourceMessageId?: string | null;
  goalId?: number | null;
  /** The member's and the server's Discord languages, remembered by the same statement (SPEC §12). */
  locales?: { member: string | null; guild: string | null } | undefined;
}

/** The week and month that the win falls in, in the member's timezone (computed by the write itself). */
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
  /** The timezone the counts were counted in: the member's, else the server's, else UTC. */
  timezone: string;
  counts: WinCounts;
}

type Row = Record<string, unknown>;

const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));
const tz = sql.raw('tz.name');

/**
 * Columns counting the member's other wins around `w0` (a row with `id, occurred_at, goal_id`) in the
 * week and goal period of `p` (periodsSql). The member's counts go through the member-key index, which
 * no server-wide query can use, so no plan scans the server's week, with or without statistics.
 */
function countColumns(memberKey: unknown, withGoal: boolean): SQL {
  const member = sql`${winMemberKeySql('w')} = ${memberKey} and w.id <> w0.id`;
  const goal = withGoal
    ? sql`, gt.target as goal_target, gt.period as goal_period, gc.goal_count, gc.goal_public_count`
    : sql`, null::int as goal_target, null::text as goal_period, 0 as goal_count, 0 as goal_public_count`;
  return sql`wk.week_count, wk.week_public_count,
    wk.week_count = 0 and not exists (select 1 from wins w where ${member}) as first_ever,
    wk.week_public_count = 0 and not exists (select 1 from wins w where ${member} and not w.is_private) as first_public${goal}`;
}

function countJoins(memberKey: unknown, withGoal: boolean): SQL {
  const member = sql`${winMemberKeySql('w')} = ${memberKey} and w.id <> w0.id`;
  const week = sql`cross join lateral (select count(*)::int as week_count, (count(*) filter (where not w.is_private))::int as week_public_count
    from wins w where ${member} and w.occurred_at >= p.week_start and w.occurred_at < p.week_end) wk`;
  if (!withGoal) return week;
  const start = sql`case gt.period when 'month' then p.month_start else p.week_start end`;
  const end = sql`case gt.period when 'month' then p.month_end else p.week_end end`;
  return sql`${week}
    left join lateral ${goalTargetThenSql(sql`w0.goal_id`, sql`w0.occurred_at`)} gt on true
    cross join lateral (select count(*)::int as goal_count, (count(*) filter (where not w.is_private))::int as goal_public_count
      from wins w where w.goal_id = w0.goal_id and w.id <> w0.id and w.occurred_at >= ${start} and w.occurred_at < ${end}) gc`;
}

const periodColumns = sql`tz.name as timezone, p.week_start, p.week_end, p.month_start, p.month_end`;

function resultOf(row: Row, isPrivate: boolean, created: boolean): RecordedWin & { ranges: WinRanges } {
  const goalTarget = row.goal_target as number | null;
  const instant = (value: unknown) => new Date(value as Date | string);
  const add = isPrivate ? 0 : 1;
  const timezone = String(row.timezone);
  return {
    id: Number(row.id),
    occurredAt: instant(row.occurred_at),
    created,
    timezone,
    ranges: {
      timezone,
      week: { start: instant(row.week_start), end: instant(row.week_end) },
      month: { start: instant(row.month_start), end: instant(row.month_end) },
    },
    // The statement counts the member's other wins; this one is added here.
    counts: {
      weekCount: Number(row.week_count) + 1,
      weekPublicCount: Number(row.week_public_count) + add,
      firstEver: row.first_ever === true,
      firstPublic: !isPrivate && row.first_public === true,
      goal:
        goalTarget === null || goalTarget === undefined
          ? undefined
          : {
              count: Number(row.goal_count) + 1,
              publicCount: Number(row.goal_public_count) + add,
              target: Number(goalTarget),
              period: row.goal_period === 'month' ? 'month' : 'week',
            },
    },
  };
}

type Slot = 'guildId' | 'userId' | 'memberKey' | 'timezone' | 'text' | 'isPrivate' | 'occurredAt' | 'now' | 'source' | 'sourceMessageId' | 'goalId' | 'interactionId' | 'memberLocale' | 'guildLocale';

/** The one statement of a plain /win (or a goal /win), from its slots. */
function winStatementOf(v: (slot: Slot) => unknown, withGoal: boolean): SQL {
  return sql`
    with member as (
      select m.timezone from members m where m.guild_id = ${v('guildId')} and m.user_id = ${v('userId')}
    ), tz as materialized ( -- once: its name is used in every period boundary
      select coalesce(${v('timezone')}::text, (select timezone from member),
        (select g.timezone from guilds g where g.id = ${v('guildId')}), 'UTC') as name
    ), guild_row as (
      insert into guilds (id, created_at, locale) select ${v('guildId')}, ${v('now')}::timestamptz, ${v('guildLocale')}::text where not exists (select 1 from member) on conflict do nothing
    ), member_row as (
      insert into members (guild_id, user_id, created_at, locale) select ${v('guildId')}, ${v('userId')}, ${v('now')}::timestamptz, ${v('memberLocale')}::text
      where not exists (select 1 from member) on conflict do nothing
    ), w0 as (
      insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at, source, source_message_id, goal_id, interaction_id)
      values (${v('guildId')}, ${v('userId')}, ${v('text')}, ${v('isPrivate')}, ${v('occurredAt')}::timestamptz, ${v('now')}::timestamptz,
        ${v('source')}, ${v('sourceMessageId')}, ${withGoal ? sql`${v('goalId')}::bigint` : sql`null`}, ${v('interactionId')})
      on conflict (interaction_id) where interaction_id is not null do nothing
      returning id, occurred_at, goal_id
    ), member_locale as ( -- the member's language, in this round trip: written only when it changed
      update members set locale = ${v('memberLocale')}::text where guild_id = ${v('guildId')} and user_id = ${v('userId')}
        and ${v('memberLocale')}::text is not null and locale is distinct from ${v('memberLocale')}::text
      -- Not the server's row: another interaction's language update (src/db/locales.ts) locks both rows,
      -- and a /win locking them too could deadlock with it. The server's language comes with its first
      -- row here, and changes with any other command.
    )
    select w0.id::text as id, w0.occurred_at, ${periodColumns}, ${countColumns(v('memberKey'), withGoal)}
    from w0 cross join tz cross join lateral ${periodsSql(tz, sql`w0.occurred_at`)} p ${countJoins(v('memberKey'), withGoal)}`;
}

// Built once each: a call only lays its values in (src/db/fixed-sql.ts).
const plainWin = fixedStatement<Slot>((slot) => winStatementOf(slot, false));
const goalWin = fixedStatement<Slot>((slot) => winStatementOf(slot, true));

/** The /win statement and its values for this win: fixed text per case, so each is planned once per connection. */
function winValues(input: WinWrite & { timezone?: string | undefined }, now: Date): { statement: FixedStatement<Slot>; values: Record<Slot, unknown> } {
  const goalId = input.goalId ?? null;
  // Instants go as ISO text: the two drivers serialise Date parameters differently.
  const values: Record<Slot, unknown> = {
    guildId: input.guildId,
    userId: input.userId,
    memberKey: memberKeyText(input),
    timezone: input.timezone ?? null,
    text: input.text,
    isPrivate: input.isPrivate,
    occurredAt: input.occurredAt.toISOString(),
    now: now.toISOString(),
    source: input.source ?? 'command',
    sourceMessageId: input.sourceMessageId ?? null,
    goalId,
    interactionId: input.interactionId,
    memberLocale: input.locales?.member ?? null,
    guildLocale: input.locales?.guild ?? null,
  };
  return { statement: goalId === null ? plainWin : goalWin, values };
}

export function winStatement(input: WinWrite & { timezone?: string | undefined }, now: Date): SQL {
  const { statement, values } = winValues(input, now);
  return statement(values);
}

/**
 * Stores a win and answers everything its reply needs, in one statement (one round trip): the
 * member's timezone (theirs, the server's, or UTC; or `timezone` when the caller already read it),
 * the week and month the win falls in there, the server and member rows on first contact only, the
 * win, and this week's and the goal's counts. Nothing runs after the commit, so nothing can turn a
 * stored win into "not saved". A goal adds its own fixed statement; the plain one never touches goals.
 */
export async function recordWinWithCounts(db: Db, input: WinWrite & { timezone?: string | undefined }, now: Date): Promise<RecordedWin & { ranges: WinRanges }> {
  // Prepared on PostgreSQL like every query (src/db/prepared-client.ts): parsed and planned once per connection.
  // The driver's own call when the handle has one: the text is fixed, so drizzle has nothing to render.
  const { statement, values } = winValues(input, now);
  const raw = rawQueriesOf(db);
  const rows = raw ? await raw(statement.text, statement.paramsOf(values)) : rowsOf(await db.execute(statement(values)));
  const [row] = rows;
  if (row) return resultOf(row, input.isPrivate, true);
  if (input.interactionId === null) throw new Error('insert returned no row');
  const repeat = await winOfInteraction(db, input, input.interactionId, input.timezone ?? null);
  if (!repeat) throw new Error('insert returned no row and no earlier win has this interaction');
  return repeat;
}

/** The win an interaction already stored (Discord delivered it twice), with its counts as they stand now. */
async function winOfInteraction(db: Db, key: MemberKey, interactionId: string, timezone: string | null): Promise<(RecordedWin & { ranges: WinRanges }) | undefined> {
  const [row] = rowsOf(
    await db.execute(sql`
      with w0 as (
        select id, occurred_at, goal_id, is_private from wins
        where interaction_id = ${interactionId} and guild_id = ${key.guildId} and user_id = ${key.userId}
      ), tz as materialized (select coalesce(${timezone}::text, ${memberTimezoneSql(key)}) as name)
      select w0.id::text as id, w0.occurred_at, w0.is_private, ${periodColumns}, ${countColumns(memberKeyText(key), true)}
      from w0 cross join tz cross join lateral ${periodsSql(tz, sql`w0.occurred_at`)} p ${countJoins(memberKeyText(key), true)}`),
  );
  return row && resultOf(row, row.is_private === true, false);
}

/**
 * Stores a win and counts it in the member's own week (and goal period), in one statement that
 * knows the member's timezone. Pass `timezone` when the caller already read it (a back-dated win
 * needs it before the write), so the day it chose and the week counted agree.
 */
export async function recordMemberWin(db: Db, input: WinWrite & { timezone?: string | undefined }, now: Date): Promise<RecordedWin & { ranges: WinRanges }> {
  return writeOnce(() => recordWinWithCounts(db, input, now), input.interactionId !== null);
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
