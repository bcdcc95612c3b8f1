// Part `memory` of `npm run bench`: resident memory of the compiled bot, idle, with 1 and with N servers
// (BENCH_SERVERS, default 2,500), next to the naive bot (bench/minimal-bot.mjs, discord.js defaults).
// Each bot runs as its own process against the sandbox and its own PostgreSQL database.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createBenchDatabase } from './bench-database.js';
import { startArgs } from './start-args.js';
import { ManualClock } from '../src/clock.js';
import { startSandbox } from '../src/sandbox/index.js';

/** RSS a few seconds after ready (`early`, BENCH_SETTLE_MS) and once settled (`settled`, BENCH_SETTLED_MS). */
export interface IdleRss {
  early: number;
  settled: number;
}

export interface MemoryFigures {
  rssOneServerMb: IdleRss;
  rssManyServersMb: IdleRss;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `args` and resolves once it logged "connected to Discord" (every shard ready) or, a worker, "ready as a worker". */
async function startBot(args: string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('connected to Discord') || output.includes('ready as a worker')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}: ${output.slice(-2000)}`)));
  });
  return child;
}

async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, settle(5000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * RSS once idle, read twice: `settleMs` after ready (the guild payloads parsed), and `settledMs` after
 * ready. V8's memory reducer runs about 8 s after a full collection (--gc-memory-reducer-start-delay-ms)
 * and shrinks the young generation that start-up grew, in steps (up to a minute with 16 MB semi-spaces),
 * giving the pages back, so the second reading is what an idle bot holds for the rest of its life.
 */
async function idleRss(args: string[], env: NodeJS.ProcessEnv, servers: number, settleMs: number, settledMs = settleMs, worker = false): Promise<IdleRss> {
  const sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
  for (let i = 1; i < servers; i++) sandbox.addGuild(`Server ${i}`);
  // A GATEWAY=off worker serves its endpoint (and so metrics) on HTTP_PORT: what it needs to work at all.
  const workerEnv = worker ? { GATEWAY: 'off', DISCORD_PUBLIC_KEY: sandbox.publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' } : {};
  const child = await startBot(args, { ...env, ...workerEnv, DISCORD_API_URL: sandbox.apiUrl });
  try {
    await settle(settleMs);
    const early = await rssMb(child.pid ?? 0);
    await settle(Math.max(0, settledMs - settleMs));
    return { early, settled: await rssMb(child.pid ?? 0) };
  } finally {
    await stopBot(child);
    await sandbox.close();
  }
}

export async function benchMemory(kind: 'naive' | 'small-wins', serverUrl: string, servers: number, settleMs = 3000, settledMs = 60_000): Promise<MemoryFigures> {
  const name = `small_wins_bench_memory_${kind.replace('-', '_')}_${process.pid}`;
  const database = await createBenchDatabase(serverUrl, name);
  const url = new URL(database.url);
  // Our bot as `npm start` runs it (node's flags included); the naive bot as plain `node`.
  const args = kind === 'naive' ? ['bench/minimal-bot.mjs'] : startArgs();
  const env = { DISCORD_TOKEN: 'x', DATABASE_URL: url.toString(), LOG_LEVEL: 'info', PATH: process.env.PATH };
  try {
    // A first start migrates; memory is measured on the starts after it.
    if (kind === 'small-wins') await idleRss(args, env, 1, 0);
    const rssOneServerMb = await idleRss(args, env, 1, settleMs, settledMs);
    const rssManyServersMb = await idleRss(args, env, servers, settleMs, settledMs);
    return { rssOneServerMb, rssManyServersMb };
  } finally {
    await database.drop();
  }
}

/** Idle RSS of one `GATEWAY=off` worker (no gateway session, so the number of servers does not matter). */
export async function benchWorkerMemory(serverUrl: string, settleMs = 3000, settledMs = 60_000): Promise<IdleRss> {
  const database = await createBenchDatabase(serverUrl, `small_wins_bench_memory_worker_${process.pid}`);
  const env = { DISCORD_TOKEN: 'x', DATABASE_URL: new URL(database.url).toString(), LOG_LEVEL: 'info', PATH: process.env.PATH };
  try {
    await idleRss(startArgs(), env, 1, 0, 0, true); // migrates
    return await idleRss(startArgs(), env, 1, settleMs, settledMs, true);
  } finally {
    await database.drop();
  }
}
