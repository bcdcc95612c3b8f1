// `/win` from outside, side by side with its floor: each bot runs as its own process with its own sandbox
// and database on one PostgreSQL server, driven at a fixed concurrency, the bots' segments in turn.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type postgres from 'postgres';
import { createBenchDatabase } from './bench-database.js';
import { concurrently } from './concurrently.js';
import { botNodeFlags, startArgs } from './start-args.js';
import { commands } from '../commands/index.js';
import { ManualClock } from '../src/clock.js';
import { deployCommands } from '../src/discord/deploy.js';
import { startSandbox, type InteractionResult, type Sandbox } from '../src/sandbox/index.js';

export interface WinFigures {
  bot: string;
  startupMs: number;
  rssIdleMb: number;
  rssLoadedMb: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  botCpuMsPerWin: number;
  /** The part of it spent in the kernel (socket reads and writes). */
  botSystemCpuMsPerWin: number;
  postgresCpuMsPerWin: number;
  /** The sandbox's own CPU (Discord's side: the gateway or the signed POSTs, and the answers), per /win. */
  sandboxCpuMsPerWin: number;
  /** Shared buffers read through this database's tables and indexes, per /win (load-independent). */
  buffersPerWin: number;
  /** Transactions committed in this database per /win: one per autocommit statement. */
  statementsPerWin: number;
  unanswered: number;
  /** Answered, but not with the win saved (the flood limits' "slow down", an error): such a /win is cheaper than a saved one. */
  notSaved: number;
}

const TICK_MS = 10; // /proc counts CPU in clock ticks of 10 ms (USER_HZ = 100 on Linux)
/**
 * Members the /wins come from in turn. The bot writes at most 10 wins per member in 30 s (its flood
 * limits, SPEC §7) and answers the rest "slow down" without a write, much cheaper than a saved win:
 * so a run gives each member at most 8 (a longer run brings more members), and counts any answer that
 * is not the saved win.
 */
const membersFor = (wins: number) => Number(process.env.BENCH_MEMBERS ?? Math.max(1000, Math.ceil(wins / 8)));

async function cpuMs(pid: number): Promise<number> {
  const { user, system } = await cpuSplitMs(pid);
  return user + system;
}

/** A process's CPU so far, in its own code and in the kernel on its behalf (sockets, mostly). */
async function cpuSplitMs(pid: number): Promise<{ user: number; system: number }> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11] ?? 0) * TICK_MS, system: Number(fields[12] ?? 0) * TICK_MS };
}

/**
 * A process's time on a CPU so far, all its threads, to the nanosecond (`/proc/…/task/…/schedstat`): a
 * segment of a few hundred /wins is only 20-odd of /proc/…/stat's 10 ms ticks.
 */
async function onCpuMs(pid: number): Promise<number> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  let ns = 0;
  for (const task of tasks) ns += Number((await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8').catch(() => '0')).split(' ')[0]);
  return ns / 1e6;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The middle value, the middle half and the range of a list (the cycles' ratios, as printed). */
export function spreadOf(values: readonly number[]): { median: number; low: number; high: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: median(values), low: at(0.25), high: at(0.75), min: at(0), max: at(1) };
}

/** Each figure's median over several runs of one bot. */
export function medianFigures(runs: readonly WinFigures[]): WinFigures {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  const out: Record<string, unknown> = { bot: first.bot };
  for (const key of Object.keys(first) as (keyof WinFigures)[]) if (key !== 'bot') out[key] = median(runs.map((run) => Number(run[key])));
  return out as unknown as WinFigures;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

/**
 * `small-wins-http`: a `GATEWAY=off` worker answering signed HTTP POSTs on its `/interactions` (SPEC §11);
 * `naive-http`: its floor, a bare endpoint that checks the signature, inserts and answers (bench/minimal-http-bot.mjs).
 */
export type BotKind = 'naive' | 'naive-http' | 'small-wins' | 'small-wins-http';
const overHttp = (kind: BotKind) => kind === 'small-wins-http' || kind === 'naive-http';

async function botCommand(kind: BotKind, build?: string): Promise<string[]> {
  if (kind === 'naive') return ['bench/minimal-bot.mjs'];
  if (kind === 'naive-http') return ['bench/minimal-http-bot.mjs'];
  // The Node flags and entry of `npm start` (the production bundle), so the bench measures the bot as it is run.
  const words = startArgs();
  const flags = botNodeFlags();
  const profile = process.env.BENCH_BOT_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${process.env.BENCH_BOT_PROFILE_DIR}`] : [];
  // A build may carry its own Node flags before its entry ("--single-threaded-gc dist/app/index.js"), added to npm start's.
  const buildWords = (build ?? process.env.BENCH_ENTRY)?.split(/\s+/).filter(Boolean) ?? [];
  const buildFlags = buildWords.filter((word) => word.startsWith('--'));
  const entry = buildWords.find((word) => !word.startsWith('--')) ?? words.find((word) => !word.startsWith('--'));
  return [...flags, ...buildFlags, ...profile, ...(entry && existsSync(entry) ? [entry] : ['--import', 'tsx', 'src/index.ts'])];
}

/** Buffers and committed transactions of one database so far (statistics flushed by idle backends). */
async function databaseWork(admin: postgres.Sql, name: string): Promise<{ buffers: number; commits: number }> {
  await admin`select pg_stat_clear_snapshot()`;
  const [row] = await admin`select blks_hit + blks_read as buffers, xact_commit as commits from pg_stat_database where datname = ${name}`;
  return { buffers: Number(row?.buffers ?? 0), commits: Number(row?.commits ?? 0) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database's buffers and commits once its backends have flushed their statistics. A backend that
 * goes idle within a second of its last flush waits PGSTAT_IDLE_INTERVAL (10 s) to flush again, so a
 * reading 1.5 s after a run missed its last second (the naive bot showed 0.94 statements per /win, one
 * each) and one taken before the next run could count the previous run's tail.
 */
async function settledWork(admin: postgres.Sql, name: string): Promise<{ buffers: number; commits: number }> {
  await sleep(11_000);
  return databaseWork(admin, name);
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Fires `count` /wins, `concurrency` at a time, from the sandbox's members in turn (`from` numbers their texts). */
async function drive(sandbox: Sandbox, count: number, concurrency: number, tag: string, from = 0): Promise<{ latencies: number[]; unanswered: number; notSaved: number; seconds: number }> {
  const members = sandbox.users().filter((u) => !u.bot).map((u) => u.username);
  const latencies: number[] = [];
  let unanswered = 0;
  let notSaved = 0;
  const seconds = await concurrently(count, concurrency, async (j) => {
    const i = from + j;
    const text = `${tag} win ${i}`;
    const result = await sandbox.chatInput(members[i % members.length] ?? 'alice', { name: 'win', options: { text } });
    if (result.failed || result.respondedInMs === undefined) unanswered++;
    else {
      latencies.push(result.respondedInMs);
      if (!carries(result.message, text)) notSaved++;
    }
  });
  return { latencies, unanswered, notSaved, seconds };
}

/**
 * Whether an answer says the win was saved: the naive bots answer "Saved: …", Small Wins celebrates it in
 * an embed. (A refusal gives the member their text back in its content, to copy: that does not count.)
 */
function carries(message: InteractionResult['message'], text: string): boolean {
  return !!message && (message.content === `Saved: ${text}` || message.embeds.some((embed) => (embed.description ?? '').includes(text)));
}

export interface Segment {
  perSecond: number;
  botCpuMsPerWin: number;
}

/**
 * One bot started and warmed up, with its own sandbox and database, measured in segments: the bench runs
 * the bots' segments in turn, so every bot meets the machine's drift (a third from one minute to the next
 * here) within the same few seconds.
 */
export interface WinBench {
  readonly kind: BotKind;
  /** Notes the database's statistics before the first measured segment (after every bot has started and warmed up). */
  begin(): Promise<void>;
  /** Answers `count` /wins at the bench's concurrency: their throughput (/s) and the bot's CPU per /win (ms, from the scheduler's own count). */
  measure(count: number): Promise<Segment>;
  /** The figures over every measured segment; stops the bot and drops its database. */
  finish(): Promise<WinFigures>;
  /** Stops the bot and drops its database without figures (after an error); safe to call again. */
  close(): Promise<void>;
}

/**
 * Notes every bench's statistics, then measures them in turn, `segment` /wins each, in an order rotated
 * cycle by cycle (so no bot always runs right after the same other one), until each has answered `total`.
 * Each cycle's segments, in the benches' order.
 */
export async function measureInTurn(benches: readonly WinBench[], total: number, segment: number): Promise<Segment[][]> {
  // Buffers and statements are counted from here: the other bots' start-up is not in them.
  await Promise.all(benches.map((bench) => bench.begin()));
  const cycles: Segment[][] = [];
  for (let done = 0, cycle = 0; done < total; done += segment, cycle++) {
    const count = Math.min(segment, total - done);
    const segments: Segment[] = [];
    for (let i = 0; i < benches.length; i++) {
      const at = (i + cycle) % benches.length;
      segments[at] = await (benches[at] as WinBench).measure(count);
    }
    cycles.push(segments);
  }
  return cycles;
}

let benchesStarted = 0;

/** `build`: the bot's entry, for comparing two builds (default `npm start`'s, or BENCH_ENTRY). */
export async function startWinBench(kind: BotKind, serverUrl: string, options: { total: number; concurrency: number; warmUp: number; build?: string | undefined }): Promise<WinBench> {
  // Numbered: two bots of one kind (the compare part) must not share, or drop, each other's database.
  const name = `small_wins_bench_${kind.replaceAll('-', '_')}_${process.pid}_${++benchesStarted}`;
  const database = await createBenchDatabase(serverUrl, name);
  const { admin } = database;
  const url = new URL(database.url);
  // A worker checks each signed timestamp against its own clock (a replay guard), so over HTTP the sandbox signs at the real time.
  const start = overHttp(kind) ? new Date() : new Date('2026-11-25T12:00:00Z');
  let sandbox: Sandbox | undefined;
  let child: ChildProcess | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (child) await stopBot({ child });
    sandbox?.deliverOverHttp(undefined);
    await sandbox?.close();
    await database.drop();
  };
  try {
    sandbox = await startSandbox({ clock: new ManualClock(start), token: 'x', responseDeadlineMs: 10_000 });
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    // A server of many members, each logging a few wins (as people do, and within the flood limits).
    const members = membersFor(options.warmUp + options.total);
    for (let i = 0; i < members; i++) sandbox.addUser(`member${i}`);
    const http = overHttp(kind) ? { GATEWAY: 'off', DISCORD_PUBLIC_KEY: sandbox.publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' } : {};
    const env = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, DATABASE_URL: url.toString(), LOG_LEVEL: 'info', PATH: process.env.PATH, ...http };
    // Start-up is measured on a migrated database: a first start migrates, then stops.
    if (!kind.startsWith('naive')) await stopBot(await startBot(kind, env, sandbox, options.build));
    const started = await startBot(kind, env, sandbox, options.build);
    child = started.child;
    const pid = child.pid ?? 0;
    await sleep(1000);
    const rssIdleMb = await rssMb(pid);
    // Long enough for V8 to have compiled the hot path (with 500, V8's --log-code still showed TurboFan compiling
    // a dozen or more functions a second through the measured run, in every bot); the same for each bot.
    await drive(sandbox, options.warmUp, options.concurrency, 'warm-up');
    let workBefore = { buffers: 0, commits: 0 };
    const ready = sandbox;
    // Summed over the measured segments only: an idle bot's CPU while the others run is not counted.
    const sum = { wins: 0, seconds: 0, latencies: [] as number[], unanswered: 0, notSaved: 0, botUser: 0, botSystem: 0, postgres: 0, sandbox: 0 };
    return {
      kind,
      async begin() {
        // The bot's pool closes connections idle for 30 s, about as long as the other bots take to start and
        // warm up: a burst reopens them, so no measured segment pays for connecting.
        await drive(ready, options.concurrency * 4, options.concurrency, 'reopen');
        workBefore = await settledWork(admin, name);
      },
      async measure(count) {
        const [botBefore, pgBefore, onCpuBefore] = [await cpuSplitMs(pid), await backendCpu(admin, name), await onCpuMs(pid)];
        const sandboxBefore = process.cpuUsage();
        const run = await drive(ready, count, options.concurrency, 'measured', sum.wins);
        const sandboxCpu = process.cpuUsage(sandboxBefore);
        const onCpu = (await onCpuMs(pid)) - onCpuBefore;
        const [botAfter, pgAfter] = [await cpuSplitMs(pid), await backendCpu(admin, name)];
        sum.wins += count;
        sum.seconds += run.seconds;
        // One by one: a segment of tens of thousands would pass the limit on spread arguments.
        for (const latency of run.latencies) sum.latencies.push(latency);
        sum.unanswered += run.unanswered;
        sum.notSaved += run.notSaved;
        sum.botUser += botAfter.user - botBefore.user;
        sum.botSystem += botAfter.system - botBefore.system;
        sum.postgres += cpuSince(pgBefore, pgAfter);
        sum.sandbox += (sandboxCpu.user + sandboxCpu.system) / 1000;
        return { perSecond: count / run.seconds, botCpuMsPerWin: onCpu / count };
      },
      async finish() {
        try {
          const rssLoadedMb = await rssMb(pid);
          const workAfter = await settledWork(admin, name);
          const wins = Math.max(1, sum.wins);
          const latencies = sum.latencies.sort((a, b) => a - b);
          return {
            bot: kind,
            startupMs: started.startupMs,
            rssIdleMb,
            rssLoadedMb,
            perSecond: sum.wins / sum.seconds,
            p50Ms: percentile(latencies, 50),
            p99Ms: percentile(latencies, 99),
            botCpuMsPerWin: (sum.botUser + sum.botSystem) / wins,
            botSystemCpuMsPerWin: sum.botSystem / wins,
            postgresCpuMsPerWin: sum.postgres / wins,
            sandboxCpuMsPerWin: sum.sandbox / wins,
            buffersPerWin: (workAfter.buffers - workBefore.buffers) / wins,
            // The admin samples from another database: every commit counted here is the bot's.
            statementsPerWin: (workAfter.commits - workBefore.commits) / wins,
            unanswered: sum.unanswered,
            notSaved: sum.notSaved,
          };
        } finally {
          await close();
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * CPU so far of each backend connected to the database now. Read at every segment: a pool replaces
 * connections (idle ones close), and a list taken once read a replaced pool's work as 0.
 */
async function backendCpu(admin: postgres.Sql, name: string): Promise<Map<number, number>> {
  const cpu = new Map<number, number>();
  for (const row of await admin`select pid from pg_stat_activity where datname = ${name}`) cpu.set(Number(row.pid), await cpuMs(Number(row.pid)));
  return cpu;
}

/** The backends' CPU between two readings; a backend that connected in between counts whole. */
function cpuSince(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** The port a worker's endpoint listens on, from its "health and metrics listening" line (HTTP_PORT=0 picks one). */
function listeningPort(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('health and metrics listening')) continue;
    const port = (JSON.parse(line) as { port?: unknown }).port;
    if (typeof port === 'number') return port;
  }
  return undefined;
}

/** Spawns the bot and times it from spawn to its first answered /win (a worker's delivered as signed HTTP to its endpoint). */
async function startBot(kind: BotKind, env: NodeJS.ProcessEnv, sandbox: Sandbox, build?: string): Promise<{ child: ChildProcess; startupMs: number }> {
  let output = '';
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, await botCommand(kind, build), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = () => (overHttp(kind) ? listeningPort(output) !== undefined : output.includes('connected to Discord'));
  await waitFor(() => ready() || child.exitCode !== null, 60_000, `${kind} to connect`).catch(async (error: unknown) => {
    await stopBot({ child });
    throw error;
  });
  if (child.exitCode !== null) throw new Error(`${kind} exited: ${output}`);
  sandbox.deliverOverHttp(overHttp(kind) ? `http://127.0.0.1:${listeningPort(output)}/interactions` : undefined);
  const first = await sandbox.chatInput('alice', { name: 'win', options: { text: 'first' } });
  if (first.failed) {
    await stopBot({ child });
    throw new Error(`${kind} did not answer its first /win: ${output.slice(-2000)}`);
  }
  return { child, startupMs: performance.now() - spawnedAt };
}

async function stopBot({ child }: { child: ChildProcess }): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}
