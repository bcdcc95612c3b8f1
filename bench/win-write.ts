// The /win write alone, on a never-analyzed PostgreSQL database: what each /win costs the database,
// for new members and for members who repeat, and whether that cost grows with the server's week.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import postgres from 'postgres';
import { openPostgres } from '../src/db/client.js';
import { recordMemberWin } from '../src/db/record-win.js';
import { createBenchDatabase } from './bench-database.js';
import { concurrently } from './concurrently.js';
import { sampleCost, statementsAvailable, statsSettled, type CostSample } from './postgres-cost.js';

export interface WriteFigures {
  part: string;
  wins: number;
  perSecond: number;
  postgresCpuMsPerWin: number;
  buffersPerWin: number;
  plansPerCall?: number | undefined;
}

export interface GrowthStep {
  weekWins: number;
  buffersPerWin: number;
  postgresCpuMsPerWin: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of a member's week count as a generic plan, as a pooled connection keeps it. */
  memberKey: { buffers: number; index: string };
  guildAndUser: { buffers: number; index: string };
  /** A goal's count in the period (the goal /win's), as a generic plan: the partial goal index. */
  goal: { buffers: number; index: string };
}

const POOL_SIZE = 10; // the bot's default
const now = new Date('2026-11-25T12:00:00Z');
const weekStart = '2026-11-23T00:00:00Z';
const secondsIntoWeek = (now.getTime() - new Date(weekStart).getTime()) / 1000;

const perWin = (before: CostSample, after: CostSample, wins: number) => ({
  postgresCpuMsPerWin: (after.cpuMs - before.cpuMs) / wins,
  buffersPerWin: (after.buffers - before.buffers) / wins,
  plansPerCall: after.plans === undefined || before.plans === undefined ? undefined : (after.plans - before.plans) / Math.max(1, (after.calls ?? 0) - (before.calls ?? 0)),
});

type Plan = { Plan: PlanNode };
type PlanNode = { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number; 'Index Name'?: string; 'Node Type': string; Plans?: PlanNode[] };
const indexOf = (node: PlanNode): string => node['Index Name'] ?? (node['Node Type'] === 'Seq Scan' ? 'seq scan' : (node.Plans ?? []).map(indexOf).find((n) => n) ?? '');

async function explain(db: postgres.Sql, statement: string, args: string): Promise<{ buffers: number; index: string }> {
  const [row] = await db.unsafe(`explain (analyze, buffers, format json) execute ${statement}(${args})`);
  const [plan] = (row?.['QUERY PLAN'] ?? []) as Plan[];
  if (!plan) return { buffers: NaN, index: '?' };
  return { buffers: (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0), index: indexOf(plan.Plan) };
}

export async function benchWinWrite(serverUrl: string, options: { total: number; concurrency: number; growTo: number }) {
  const name = `small_wins_bench_write_${process.pid}`;
  const database = await createBenchDatabase(serverUrl, name);
  const app = await openPostgres(database.url, pino({ level: 'silent' }), POOL_SIZE);
  const probe = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    // Never analyzed, whatever the cluster's autovacuum does: how every new deployment starts.
    for (const table of ['wins', 'members', 'guilds', 'goals']) await probe.unsafe(`alter table ${table} set (autovacuum_enabled = off)`);
    const statements = await statementsAvailable(probe);
    const settled = () => statsSettled((query) => app.db.execute(sql.raw(query)), POOL_SIZE);
    const write = (guildId: string, userId: string, id: string) =>
      recordMemberWin(app.db, { guildId, userId, text: `win ${id}`, isPrivate: id.endsWith('5'), occurredAt: now, interactionId: id }, now);
    // Opens the pool's connections, so the backends sampled are the ones that do the work.
    await concurrently(Math.max(options.concurrency * 2, 20), options.concurrency, (i) => write('warm', `w${i % 5}`, `warm-${i}`));

    const parts: WriteFigures[] = [];
    for (const [part, userOf] of [
      ['every /win from a new member', (i: number) => `new-${i}`],
      ['1,000 members repeating', (i: number) => `m-${i % 1000}`],
    ] as const) {
      await settled();
      const before = await sampleCost(probe, statements);
      const seconds = await concurrently(options.total, options.concurrency, (i) => write('g1', userOf(i), `${part.slice(0, 5)}-${i}`));
      await settled();
      const after = await sampleCost(probe, statements, before.backends);
      parts.push({ part, wins: options.total, perSecond: options.total / seconds, ...perWin(before, after, options.total) });
    }

    // One server's week grows; at each size 200 members log ten wins each, new members at every step, so
    // only the server's week differs between steps, not the measured members' own weeks (with the same 20
    // members throughout, their own growing weeks moved the buffers). The pool keeps its cached plans throughout.
    await probe`insert into guilds (id, created_at) values ('grow', now()) on conflict do nothing`;
    await probe`insert into members (guild_id, user_id, created_at) select 'grow', 'filler-' || n, now() from generate_series(0, 4999) n`;
    await probe.unsafe(`prepare member_key(text, timestamptz, timestamptz) as select count(*) from wins w
      where (w.guild_id || ':' || w.user_id) = $1 and w.occurred_at >= $2 and w.occurred_at < $3`);
    await probe.unsafe(`prepare guild_and_user(text, text, timestamptz, timestamptz) as select count(*) from wins w
      where w.guild_id = $1 and w.user_id = $2 and w.occurred_at >= $3 and w.occurred_at < $4`);
    await probe.unsafe(`prepare goal_count(bigint, timestamptz, timestamptz) as select count(*) from wins w
      where w.goal_id = $1 and w.occurred_at >= $2 and w.occurred_at < $3`);
    await probe`set plan_cache_mode = force_generic_plan`;
    // 2,000 at each step: PostgreSQL's CPU is read from /proc in 10 ms ticks, so 200 wins (20 ms in all)
    // printed 0.1 to 0.4 ms a win from the quantisation alone, while their buffers stayed flat.
    const measured = Math.max(20, Math.min(2000, options.total));
    const growth: GrowthStep[] = [];
    let filled = 0;
    // At smoke-test sizes two steps say whether it stays flat; the full run shows the way there.
    const steps = options.growTo < 10_000 ? [0, options.growTo] : [0, options.growTo / 100, options.growTo / 10, options.growTo];
    for (const size of steps.map(Math.round)) {
      if (size > filled) {
        await probe`insert into wins (guild_id, user_id, text, occurred_at, created_at)
          select 'grow', 'filler-' || (n % 5000), 'filler', ${weekStart}::timestamptz + (n % ${secondsIntoWeek}::int) * interval '1 second', now()
          from generate_series(${filled}::int, ${size - 1}::int) n`;
        filled = size;
      }
      await settled();
      const before = await sampleCost(probe, statements);
      await concurrently(measured, options.concurrency, (i) => write('grow', `grower-${size}-${i % 200}`, `grow-${size}-${i}`));
      await settled();
      const after = await sampleCost(probe, statements, before.backends);
      const range = `'${weekStart}', '${now.toISOString()}'`;
      growth.push({
        weekWins: size,
        ...perWin(before, after, measured),
        memberKey: await explain(probe, 'member_key', `'grow:grower-${size}-1', ${range}`),
        guildAndUser: await explain(probe, 'guild_and_user', `'grow', 'grower-${size}-1', ${range}`),
        goal: await explain(probe, 'goal_count', `1, ${range}`),
      });
    }
    return { parts, growth, statements };
  } finally {
    await probe.end();
    await app.close();
    await database.drop();
  }
}
