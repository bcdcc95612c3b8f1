// Part `recap` of `npm run bench`: every server's weekly recap read and composed, as src/jobs/recap.ts
// does, over a year of generated history on PostgreSQL. Full size (BENCH_SCALE=1): 10,000 servers,
// 300,000 members, 3,000,000 wins. The floor: the raw driver running the very same statements (recorded
// from our run, parameters and all), each server's in one round of pipelined queries.
import { writeFile } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/postgres-js';
import pino from 'pino';
import postgres from 'postgres';
import { createBenchDatabase } from './bench-database.js';
import { concurrently } from './concurrently.js';
import { openPostgres } from '../src/db/client.js';
import { preparingClient } from '../src/db/prepared-client.js';
import { readServerRecap } from '../src/db/recap-week.js';
import * as schema from '../src/db/schema.js';
import { composeRecap } from '../src/domain/recap/compose.js';
import { recapRandom } from '../src/domain/recap/weeks.js';
import { recapWeekFor } from '../src/domain/schedule.js';

export interface RecapFigures {
  servers: number;
  members: number;
  wins: number;
  generateSeconds: number;
  oursPerSecond: number;
  rawPerSecond: number;
  /** This process's CPU (user + system) per server: query building, the driver, composing. */
  oursCpuMsPerServer: number;
  rawCpuMsPerServer: number;
  statementsPerServer: number;
  explain: { statement: string; plan: string[] }[];
}

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney', 'America/Los_Angeles', 'Asia/Kolkata'];
const NOW = new Date('2026-11-23T12:00:00Z'); // a Monday, after every zone's recap hour
const YEAR_SECONDS = 365 * 86_400;

/** Server-side generation: one statement per table, so even the full size takes a minute, not an hour. */
async function generate(sql: postgres.Sql, servers: number, memberCount: number, winCount: number): Promise<void> {
  const zones = `(array[${ZONES.map((z) => `'${z}'`).join(',')}])[1 + (g % ${ZONES.length})]`;
  await sql.unsafe(`insert into guilds (id, timezone, created_at, recap_channel_id)
    select 'g' || g, ${zones}, now() - interval '400 days', 'c' || g from generate_series(0, ${servers - 1}) g`);
  await sql.unsafe(`insert into members (guild_id, user_id, created_at, partner_opt_in)
    select 'g' || (m % ${servers}), 'u' || m, now() - interval '400 days', m % 3 = 0 from generate_series(0, ${memberCount - 1}) m`);
  // One member in ten has a weekly goal shared with the server.
  await sql.unsafe(`insert into goals (guild_id, user_id, title, target, period, share, created_at)
    select 'g' || (m % ${servers}), 'u' || m, 'three a week', 3, 'week', 'server', now() - interval '200 days'
    from generate_series(0, ${memberCount - 1}, 10) m`);
  // Wins spread over the year before NOW; busy members more than quiet ones; one in ten private.
  await sql.unsafe(`insert into wins (guild_id, user_id, text, is_private, occurred_at, created_at)
    select 'g' || (m % ${servers}), 'u' || m, 'win ' || w, w % 10 = 0, t, t
    from (select w, (floor(power(random(), 2) * ${memberCount}))::int as m,
                 timestamptz '${NOW.toISOString()}' - random() * interval '${YEAR_SECONDS} seconds' as t
          from generate_series(1, ${winCount}) w) s`);
  await sql.unsafe('analyze');
}

interface Recorded {
  query: string;
  params: unknown[];
}

async function composeAll(db: ReturnType<typeof drizzle<typeof schema>>, guilds: { id: string; timezone: string }[], concurrency: number): Promise<number> {
  const seconds = await concurrently(guilds.length, concurrency, async (i) => {
    const guild = guilds[i]!;
    const week = recapWeekFor(guild.timezone, NOW);
    const random = recapRandom(guild.id, week.key);
    const read = await readServerRecap(db, guild, week, { now: NOW, random });
    composeRecap(read.data, { random, recentLineIds: read.recentLineIds });
  });
  return guilds.length / seconds;
}

/** The recorded statements again, straight through postgres.js: each server's all at once (pipelined). */
async function replayAll(sql: postgres.Sql, perServer: Recorded[][], concurrency: number): Promise<number> {
  const seconds = await concurrently(perServer.length, concurrency, (i) =>
    Promise.all(perServer[i]!.map((s) => sql.unsafe(s.query, s.params as postgres.ParameterOrJSON<never>[], { prepare: true }))),
  );
  return perServer.length / seconds;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each distinct statement of the busiest server, trimmed to its plan nodes. */
async function explainBusiest(sql: postgres.Sql, statements: Recorded[]): Promise<RecapFigures['explain']> {
  const seen = new Set<string>();
  const out: RecapFigures['explain'] = [];
  for (const s of statements) {
    if (seen.has(s.query)) continue;
    seen.add(s.query);
    const rows = await sql.unsafe(`explain (analyze, buffers, costs off) ${s.query}`, s.params as postgres.ParameterOrJSON<never>[]);
    const plan = rows.map((r) => String(r['QUERY PLAN'])).filter((line) => /Scan|Execution Time|Join|Sort|Aggregate|Buffers: shared/.test(line));
    out.push({ statement: s.query.replace(/\s+/g, ' ').slice(0, 160), plan });
  }
  return out;
}

/** BENCH_CPU_PROFILE=file.cpuprofile: a CPU profile of our timed pass alone (open it in Chrome's DevTools). */
async function startProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_CPU_PROFILE;
  if (!file) return async () => undefined;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

export async function benchRecap(serverUrl: string, scale: number, concurrency: number): Promise<RecapFigures> {
  const servers = Math.max(2, Math.round(10_000 * scale));
  const memberCount = Math.max(servers, Math.round(300_000 * scale));
  const winCount = Math.max(10, Math.round(3_000_000 * scale));
  const name = `small_wins_bench_recap_${process.pid}`;
  const database = await createBenchDatabase(serverUrl, name);
  const url = new URL(database.url);
  const sql = postgres(url.toString(), { max: 10, onnotice: () => {}, fetch_types: false });
  try {
    await (await openPostgres(url.toString(), pino({ level: 'silent' }))).close(); // migrates
    const generatedAt = performance.now();
    await generate(sql, servers, memberCount, winCount);
    const generateSeconds = (performance.now() - generatedAt) / 1000;
    const guilds = await sql<{ id: string; timezone: string }[]>`select id, timezone from guilds order by id`;

    // First pass: warms the caches and records each server's statements (one server at a time, so each is its own).
    let current: Recorded[] = [];
    const recording = drizzle(preparingClient(sql), { schema, logger: { logQuery: (query, params) => void current.push({ query, params }) } });
    const perServer: Recorded[][] = [];
    for (const guild of guilds) {
      current = [];
      await composeAll(recording, [guild], 1);
      perServer.push(current);
    }
    const db = drizzle(preparingClient(sql), { schema });
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000 / guilds.length;
    };
    const oursStart = process.cpuUsage();
    const stopProfile = await startProfile();
    const oursPerSecond = await composeAll(db, [...guilds], concurrency);
    await stopProfile();
    const oursCpuMsPerServer = cpuMs(oursStart);
    const rawStart = process.cpuUsage();
    const rawPerSecond = await replayAll(sql, perServer, concurrency);
    const rawCpuMsPerServer = cpuMs(rawStart);
    const [busiest] = await sql<{ guild_id: string }[]>`select guild_id from wins group by 1 order by count(*) desc limit 1`;
    const busiestIndex = guilds.findIndex((g) => g.id === busiest?.guild_id);
    const explain = await explainBusiest(sql, perServer[Math.max(0, busiestIndex)] ?? []);
    const statementsPerServer = perServer.reduce((n, s) => n + s.length, 0) / perServer.length;
    return { servers, members: memberCount, wins: winCount, generateSeconds, oursPerSecond, rawPerSecond, oursCpuMsPerServer, rawCpuMsPerServer, statementsPerServer, explain };
  } finally {
    await sql.end({ timeout: 5 });
    await database.drop();
  }
}
