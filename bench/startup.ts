// Run by hand: `npx tsx bench/startup.ts [node args…]` (default: `dist/app/index.js`, what `npm start` runs).
// Starts the bot as its own process against a local Discord stand-in and reports the time to
// "connected to Discord" and the resident memory once idle, on a new and on a reused PGlite folder.
import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/clock.js';
import { startSandbox } from '../src/sandbox/index.js';

const entry = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['dist/app/index.js'];

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time the process used so far (user + system), which a busy machine does not inflate as much as wall time. */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100/s)
}

async function startOnce(env: NodeJS.ProcessEnv): Promise<{ readyMs: number; cpuMs: number; rssMb: number }> {
  const started = performance.now();
  const bot = spawn(process.execPath, entry, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const readyMs = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('connected to Discord')) resolve(performance.now() - started);
    };
    bot.stdout.on('data', onData);
    bot.stderr.on('data', onData);
    bot.once('exit', (code) => reject(new Error(`bot exited with ${code}: ${output}`)));
  });
  const cpu = await cpuMs(bot.pid ?? 0);
  await new Promise((resolve) => setTimeout(resolve, 3000)); // settle before reading idle memory
  const rss = await rssMb(bot.pid ?? 0);
  const exited = new Promise((resolve) => bot.once('exit', resolve));
  bot.kill('SIGTERM');
  await exited;
  return { readyMs, cpuMs: cpu, rssMb: rss };
}

const sandbox = await startSandbox({ clock: new ManualClock(new Date()), token: 'x' });
const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-startup-'));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info', DATA_DIR: dataDir };
try {
  const rows: Record<string, { readyMs: number; cpuMs: number; rssMb: number }> = {};
  rows['PGlite, new data folder'] = await startOnce(env);
  rows['PGlite, existing data folder'] = await startOnce(env);
  if (process.env.BENCH_DATABASE_URL) {
    const postgresEnv = { ...env, DATABASE_URL: process.env.BENCH_DATABASE_URL };
    rows['PostgreSQL, first start (migrates)'] = await startOnce(postgresEnv);
    rows['PostgreSQL, migrated'] = await startOnce(postgresEnv);
  }
  console.log(`entry: node ${entry.join(' ')}`);
  console.table(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, { 'ready (ms)': Math.round(v.readyMs), 'CPU to ready (ms)': Math.round(v.cpuMs), 'RSS idle (MB)': Math.round(v.rssMb) }])));
} finally {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
}
