import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Range } from '../domain/time.js';
import { isDatabaseUnavailable, isDiskFull, isOutcomeUnknown, OutcomeUnknownError } from './errors.js';
import { fixedStatement } from './fixed-sql.js';
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
  /**
   * The channel the win is celebrated in, when in public. Deleting the win finds the message there
   * by the interaction's id (SPEC §7), so nothing is written once the reply is posted.
   */
  celebrationChannelId?: string | null;
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

/** The rows of `db.execute`, whichever driver answered (postgres.js: an array; PGlite: `{ rows }`). */
export const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []));
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
    left join lateral ${goalTargetThenSql(sql`w0.goal_id`, sql`w0.occurred_at`, { week: sql`p.week_end`, month: sql`p.month_end` })} gt on true
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

type Slot = 'guildId' | 'userId' | 'memberKey' | 'timezone' | 'text' | 'isPrivate' | 'occurredAt' | 'now' | 'source' | 'sourceMessageId' | 'goalId' | 'interactionId' | 'celebrationChannelId' | 'memberLocale' | 'guildLocale';

/** The one-win statement (a goal /win, or a win with no interaction id), from its slots. */
function winStatementOf(v: (slot: Slot) => unknown): SQL {
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
      insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at, source, source_message_id, goal_id, interaction_id, celebration_channel_id)
      values (${v('guildId')}, ${v('userId')}, ${v('text')}, ${v('isPrivate')}, ${v('occurredAt')}::timestamptz, ${v('now')}::timestamptz,
        ${v('source')}, ${v('sourceMessageId')}, ${v('goalId')}::bigint, ${v('interactionId')}, ${v('celebrationChannelId')}::text)
      on conflict (interaction_id) where interaction_id is not null do nothing
      returning id, occurred_at, goal_id
    ), member_locale as ( -- the member's language, in this round trip: written only when it changed
      update members set locale = ${v('memberLocale')}::text where guild_id = ${v('guildId')} and user_id = ${v('userId')}
        and ${v('memberLocale')}::text is not null and locale is distinct from ${v('memberLocale')}::text
      -- Not the server's row: another interaction's language update (src/db/locales.ts) locks both rows,
      -- and a /win locking them too could deadlock with it. The server's language comes with its first
      -- row here, and changes with any other command.
    )
    select w0.id::text as id, w0.occurred_at, ${periodColumns}, ${countColumns(v('memberKey'), true)}
    from w0 cross join tz cross join lateral ${periodsSql(tz, sql`w0.occurred_at`)} p ${countJoins(v('memberKey'), true)}`;
}

// Built once: a call only lays its values in (src/db/fixed-sql.ts). A win toward a goal, and a win
// with no interaction id to find it again by, take this statement; every other win takes the batch below.
const goalWin = fixedStatement<Slot>((slot) => winStatementOf(slot));

/** The one-win statement and its values: fixed text, so it is planned once per connection. */
function winValues(input: WinWrite & { timezone?: string | undefined }, now: Date): Record<Slot, unknown> {
  // Instants go as ISO text: the two drivers serialise Date parameters differently.
  return {
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
    goalId: input.goalId ?? null,
    interactionId: input.interactionId,
    celebrationChannelId: input.celebrationChannelId ?? null,
    memberLocale: input.locales?.member ?? null,
    guildLocale: input.locales?.guild ?? null,
  };
}

export function winStatement(input: WinWrite & { timezone?: string | undefined }, now: Date): SQL {
  return goalWin(winValues(input, now));
}

/**
 * Plain wins (no goal), many in one statement: each row is one win with everything its answer needs.
 * The rows come as one JSON parameter, so the text (hence the plan) is the same for 1 win or 64.
 * Every read of a table goes through a scalar subquery or a lateral aggregate keyed by the row (the
 * member's primary key, the member-key index), never a join the planner could turn into a scan of
 * `members` or `wins`, so the plan stays per-row however many rows it was planned for.
 * A member has at most one win per batch (WinBatches), so each row's counts are the member's other wins.
 */
const batchWin = fixedStatement<'rows'>(
  (slot) => sql`
    with b as materialized (
      select * from json_to_recordset(${slot('rows')}::text::json) as b(n int, guild_id text, user_id text, member_key text,
        timezone text, text text, is_private boolean, occurred_at timestamptz, now timestamptz, source text, source_message_id text,
        interaction_id text, celebration_channel_id text, member_locale text, guild_locale text)
    ), k as materialized ( -- the member's row, if any, by its primary key: [timezone, language]
      select b.*, (select array[m.timezone, m.locale] from members m where m.guild_id = b.guild_id and m.user_id = b.user_id) as member from b
    ), t as materialized ( -- the member's timezone, else the server's, else UTC (unless the caller already read it)
      select k.*, coalesce(k.timezone, k.member[1], (select g.timezone from guilds g where g.id = k.guild_id), 'UTC') as tz from k
    ), guild_row as (
      insert into guilds (id, created_at, locale) select distinct on (guild_id) guild_id, now, guild_locale from k
      where member is null order by guild_id, n on conflict do nothing
    ), member_row as (
      insert into members (guild_id, user_id, created_at, locale) select distinct on (guild_id, user_id) guild_id, user_id, now, member_locale from k
      where member is null order by guild_id, user_id, n on conflict do nothing
    ), w0 as (
      insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at, source, source_message_id, interaction_id, celebration_channel_id)
      select guild_id, user_id, text, is_private, occurred_at, now, source, source_message_id, interaction_id, celebration_channel_id from k order by n
      on conflict (interaction_id) where interaction_id is not null do nothing
      returning id, occurred_at, interaction_id
    )
    select t.n, t.member is not null as known, t.member[2] as stored_locale, w0.id::text as id, w0.occurred_at,
      t.tz as timezone, p.week_start, p.week_end, p.month_start, p.month_end, ${countColumns(sql.raw('t.member_key'), false)}
    from w0 join t on t.interaction_id = w0.interaction_id
    cross join lateral ${periodsSql(sql.raw('t.tz'), sql.raw('w0.occurred_at'))} p ${countJoins(sql.raw('t.member_key'), false)}`,
);

/** A plain win the batch can take: it has an interaction id to find its row (and a repeat) by. */
export type BatchableWin = WinWrite & { interactionId: string; timezone?: string | undefined };

const isBatchable = (input: WinWrite): input is BatchableWin => input.interactionId !== null && (input.goalId ?? null) === null;

/** The batch statement for these wins, as the driver's call or drizzle's (a transaction's handle). */
export function winBatchStatement(wins: readonly { input: BatchableWin; now: Date }[]): SQL {
  return batchWin({ rows: batchRows(wins) });
}

// A lone surrogate is invalid in JSON text for PostgreSQL; as a plain parameter it became U+FFFD in UTF-8.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function batchRows(wins: readonly { input: BatchableWin; now: Date }[]): string {
  return JSON.stringify(
    wins.map(({ input, now }, n) => ({
      n,
      guild_id: input.guildId,
      user_id: input.userId,
      member_key: memberKeyText(input),
      timezone: input.timezone ?? null,
      text: input.text.replace(loneSurrogate, '\uFFFD'),
      is_private: input.isPrivate,
      occurred_at: input.occurredAt.toISOString(),
      now: now.toISOString(),
      source: input.source ?? 'command',
      source_message_id: input.sourceMessageId ?? null,
      interaction_id: input.interactionId,
      celebration_channel_id: input.celebrationChannelId ?? null,
      member_locale: input.locales?.member ?? null,
      guild_locale: input.locales?.guild ?? null,
    })),
  );
}

type WinResult = RecordedWin & { ranges: WinRanges };

/**
 * Stores these plain wins in one statement (one round trip, one commit) and answers each one's
 * counts, in order. A win whose interaction was already stored (Discord delivered it twice) answers
 * the first one. The statement fails as a whole (this rejects); after its commit, each win's own
 * follow-up can fail only that win, as an Error in its place.
 */
export async function writeWinBatch(db: Db, wins: readonly { input: BatchableWin; now: Date }[]): Promise<(WinResult | Error)[]> {
  const raw = rawQueriesOf(db);
  const rows = raw ? await raw(batchWin.text, [batchRows(wins)]) : rowsOf(await db.execute(winBatchStatement(wins)));
  const byPosition = new Map(rows.map((row) => [Number(row.n), row]));
  return Promise.all(
    wins.map(async ({ input }, n): Promise<WinResult | Error> => {
      const row = byPosition.get(n);
      try {
        if (row) {
          await rememberMemberLocale(db, input, row);
          return resultOf(row, input.isPrivate, true);
        }
        const repeat = await winOfInteraction(db, input, input.interactionId, input.timezone ?? null);
        return repeat ?? new Error('insert returned no row and no earlier win has this interaction');
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}

/**
 * A known member's language, written only when it changed (rare): by primary key, after the batch,
 * so the batch never joins `members` for it. A new member's row was made with it.
 * Not the server's row: another interaction's language update (src/db/locales.ts) locks both rows,
 * and a /win locking them too could deadlock with it. The server's language comes with its first
 * row, and changes with any other command.
 */
async function rememberMemberLocale(db: Db, input: BatchableWin, row: Row): Promise<void> {
  const locale = input.locales?.member ?? null;
  if (locale === null || row.known !== true || row.stored_locale === locale) return;
  // The win is committed: a failure here must not answer "not saved". The next interaction writes it.
  await db
    .execute(sql`update members set locale = ${locale} where guild_id = ${input.guildId} and user_id = ${input.userId} and locale is distinct from ${locale}`)
    .catch(() => undefined);
}

/**
 * Stores a win and answers everything its reply needs, in one statement (one round trip): the
 * member's timezone (theirs, the server's, or UTC; or `timezone` when the caller already read it),
 * the week and month the win falls in there, the server and member rows on first contact only, the
 * win, and this week's and the goal's counts. Nothing runs after the commit that could turn a stored
 * win into "not saved". A plain win takes the batch statement (alone here); a goal win its own.
 */
export async function recordWinWithCounts(db: Db, input: WinWrite & { timezone?: string | undefined }, now: Date): Promise<WinResult> {
  if (isBatchable(input)) {
    const [result] = await writeWinBatch(db, [{ input, now }]);
    return winOf(result);
  }
  // Prepared on PostgreSQL like every query (src/db/prepared-client.ts): parsed and planned once per connection.
  // The driver's own call when the handle has one: the text is fixed, so drizzle has nothing to render.
  const values = winValues(input, now);
  const raw = rawQueriesOf(db);
  const rows = raw ? await raw(goalWin.text, goalWin.paramsOf(values)) : rowsOf(await db.execute(goalWin(values)));
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
 * Plain wins arriving while others are being written share the next statement (WinBatches).
 */
export async function recordMemberWin(db: Db, input: WinWrite & { timezone?: string | undefined }, now: Date): Promise<WinResult> {
  if (isBatchable(input)) {
    const batches = batchesOf(db);
    if (batches) return batches.write(input, now);
  }
  return writeOnce(() => recordWinWithCounts(db, input, now), input.interactionId !== null);
}

/**
 * Statements of plain wins at the database at once per process; more wins wait and go together in the
 * next. The first goes as soon as a win arrives. A second goes only once SECOND_BATCH_AT wins can go in
 * it: batches stay large, and PostgreSQL's CPU per win falls with a batch's size (about 0.16 ms per win
 * with one statement at a time, 0.19–0.20 with two of any size), but under load the waiting wins no
 * longer sit out a whole round trip of the statement before them (bench, 22 alternated pairs at 32
 * concurrent: `/win` throughput 1.075× by the median pair's ratio, PostgreSQL CPU per win unchanged).
 */
const BATCHES_IN_FLIGHT = 2;
/** Wins ready to go before a statement is sent while another is still at the database. */
export const SECOND_BATCH_AT = 12;
/** Wins in one statement at most. */
const BATCH_MAX = 64;

interface Waiting {
  input: BatchableWin;
  now: Date;
  key: string;
  resolve: (result: WinResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for plain wins: while a statement is at the database, wins that arrive wait and then go
 * together, in one statement and one commit (a second statement goes alongside once SECOND_BATCH_AT
 * of them can). One win alone goes at once, so a quiet server waits for nothing; under load PostgreSQL
 * does one statement's work for many wins.
 *
 * Nothing is acknowledged before its statement commits. A member's wins are written in the order
 * they came, one statement after the other, so each is counted with the ones before it.
 * A failed batch of several is written again win by win, so one bad win fails alone; each retry is
 * safe because a batched win has an interaction id (a repeat finds the first). Per process: with many
 * workers each batches its own, which is as correct as one statement per win is today.
 */
export class WinBatches {
  private waiting: Waiting[] = [];
  private inFlight = 0;
  /** Statements sent (retries included), the wins they carried and the most at the database at once, for the bench and the tests. */
  readonly sent = { statements: 0, wins: 0, mostAtOnce: 0 };
  private readonly writing = new Set<string>();

  constructor(private readonly db: Db) {}

  write(input: BatchableWin, now: Date): Promise<WinResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, now, key: memberKeyText(input), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < BATCHES_IN_FLIGHT && this.waiting.length > 0) {
      // Too few waiting for a second statement: no need to sort them out on every arriving win.
      if (this.inFlight > 0 && this.waiting.length < SECOND_BATCH_AT) return;
      const batch: Waiting[] = [];
      const later: Waiting[] = [];
      const keys = new Set<string>();
      for (const item of this.waiting) {
        // A member's next win waits for the statement holding their previous one.
        if (batch.length < BATCH_MAX && !this.writing.has(item.key) && !keys.has(item.key)) {
          batch.push(item);
          keys.add(item.key);
        } else later.push(item);
      }
      // A second statement only when it carries a batch's worth; otherwise they wait for the first.
      if (batch.length === 0 || (this.inFlight > 0 && batch.length < SECOND_BATCH_AT)) return;
      this.waiting = later;
      this.sent.mostAtOnce = Math.max(this.sent.mostAtOnce, this.inFlight + 1);
      for (const key of keys) this.writing.add(key);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        for (const key of keys) this.writing.delete(key);
        this.pump();
      });
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.alone(batch[0]!);
    let results: (WinResult | Error)[];
    try {
      // A dropped connection may hide the commit: the batch is written again once (every win in it is idempotent).
      results = await writeOnce(() => this.send(batch), true);
    } catch (error) {
      // The database is away, full or slow, or the outcome is unknown: each win would fail the same way, one after another.
      if (error instanceof OutcomeUnknownError || isDatabaseUnavailable(error) || isDiskFull(error)) {
        for (const item of batch) item.reject(error);
        return;
      }
      // One bad win fails the statement (a message logged twice): each goes alone, and fails alone.
      for (const item of batch) await this.alone(item);
      return;
    }
    batch.forEach((item, i) => settle(item, results[i]));
  }

  private async alone(item: Waiting): Promise<void> {
    try {
      // The same retry as one win's statement: a dropped connection can hide a commit.
      const [result] = await writeOnce(() => this.send([item]), true);
      settle(item, result);
    } catch (error) {
      item.reject(error);
    }
  }

  private send(items: readonly Waiting[]): Promise<(WinResult | Error)[]> {
    this.sent.statements++;
    this.sent.wins += items.length;
    return writeWinBatch(this.db, items);
  }
}

/** One win's place in a batch's answer: its result, or the error that failed it alone. */
function winOf(result: WinResult | Error | undefined): WinResult {
  if (result instanceof Error || !result) throw result ?? new Error('the batch answered no win');
  return result;
}

function settle(item: Waiting, result: WinResult | Error | undefined): void {
  try {
    item.resolve(winOf(result));
  } catch (error) {
    item.reject(error);
  }
}

const batchesByDb = new WeakMap<object, WinBatches>();

/** The batches of a pooled handle; none for a transaction's handle, whose statements run in its order. */
function batchesOf(db: Db): WinBatches | undefined {
  if (!rawQueriesOf(db)) return undefined;
  let batches = batchesByDb.get(db);
  if (!batches) batchesByDb.set(db, (batches = new WinBatches(db)));
  return batches;
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
