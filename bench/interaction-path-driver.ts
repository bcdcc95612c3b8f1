// One process of the `path` part (bench/interaction-path.ts), bundled and minified as `npm start`'s build is:
// the worker's own path for /win (intake, router, the write, the celebration, the log line, metrics), fed with
// payloads the sandbox built, without HTTP, the signature or the sandbox's CPU. Or, with PATH_KIND=naive, its
// floor: the naive endpoint's work (one insert through postgres.js, a plain answer) in the same harness.
import { cpuUsage } from 'node:process';
import { writeFile } from 'node:fs/promises';
import { GCProfiler } from 'node:v8';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import { commands } from '../commands/index.js';
import { ManualClock } from '../src/clock.js';
import { databaseOptionsOf, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { startWorker } from '../src/discord/bot.js';
import { httpResponder } from '../src/discord/responders.js';
import { FloodGuard } from '../src/domain/flood.js';
import { createLogger } from '../src/logger.js';
import { createMetrics } from '../src/metrics.js';
import { capturedWins } from './captured-wins.js';
import { concurrently } from './concurrently.js';
import { naiveWins } from './naive-win.mjs';

const env = process.env;
const kind = env.PATH_KIND === 'naive' ? 'naive' : 'small-wins';
const url = env.PATH_DATABASE_URL ?? '';
const wins = Number(env.PATH_WINS ?? 12000);
const warmUp = Number(env.PATH_WARMUP ?? 6000);
const concurrency = Number(env.PATH_CONCURRENCY ?? 32);
const members = Number(env.PATH_MEMBERS ?? 3000);
const clock = new ManualClock(new Date('2026-11-25T12:00:00Z'));

type Answer = (raw: APIInteraction) => Promise<APIInteractionResponse | undefined>;

async function smallWins(apiUrl: string, publicKey: string): Promise<{ answer: Answer; close(): Promise<void> }> {
  const config = loadConfig({ DISCORD_TOKEN: 'x', DISCORD_API_URL: apiUrl, DATABASE_URL: url, GATEWAY: 'off', DISCORD_PUBLIC_KEY: publicKey, LOG_LEVEL: 'info', HTTP_PORT: '0' });
  const logger = createLogger('info', undefined, { secrets: ['x'] });
  const database = await openDatabase({ ...databaseOptionsOf(config), logger });
  const metrics = createMetrics();
  const deps = { db: database.db, clock, logger, config, flood: new FloodGuard(), roleLinkSecrets: undefined };
  const bot = await startWorker(deps, commands, 'x', { onInteraction: metrics.observeInteraction });
  return {
    // As the interactions endpoint does after the signature: the first answer, then the webhook routes open once it has left.
    async answer(raw) {
      const responder = httpResponder(bot.rest, raw);
      const work = bot.intake.receive(raw, responder);
      const first = await Promise.race([responder.answer.body, work.then(() => undefined)]);
      setImmediate(responder.answer.sent);
      await work;
      return first;
    },
    async close() {
      await bot.stop();
      await database.close();
    },
  };
}

/** The naive HTTP endpoint's own work (bench/naive-win.mjs), after its signature check and parse. */
async function naive(): Promise<{ answer: Answer; close(): Promise<void> }> {
  const wins = await naiveWins(url);
  return { answer: (raw) => wins.answer(raw), close: () => wins.end() };
}

const captured = await capturedWins(clock, members);
const bodies = captured.wins.map((win) => win.body);
const handler = kind === 'naive' ? await naive() : await smallWins(captured.sandbox.apiUrl, captured.sandbox.publicKey);
let nextId = 1_000_000_000;
let answered = 0;

/** `count` /wins at `concurrency`, each member once every `members` wins; the clock moves a minute each time round (the flood limits). */
async function run(count: number, from: number): Promise<void> {
  await concurrently(count, concurrency, async (j) => {
    const i = from + j;
    if (i % bodies.length === 0) clock.set(clock.now().getTime() + 60_000);
    // Parsed here as the endpoint parses its body; a new id, as each interaction has.
    const raw = JSON.parse(bodies[i % bodies.length] ?? '{}') as APIInteraction;
    raw.id = String(nextId++);
    // Serialised as the endpoint writes it into the HTTP response.
    const body = JSON.stringify((await handler.answer(raw)) ?? null);
    if (body !== 'null') answered++;
  });
}

await run(warmUp, 0);
answered = 0;
const profiler = new GCProfiler();
profiler.start();
const before = cpuUsage();
const started = performance.now();
await run(wins, warmUp);
const cpu = cpuUsage(before);
const seconds = (performance.now() - started) / 1000;
const { statistics } = profiler.stop();

// Allocation and promotion from the heap before and after each collection: what the new space grew by
// between collections, and what a scavenge moved into the old space.
const used = (side: { heapSpaceStatistics: { spaceName: string; spaceUsedSize: number }[] }, space: string) =>
  side.heapSpaceStatistics.find((s) => s.spaceName === space)?.spaceUsedSize ?? 0;
let allocated = 0;
let promoted = 0;
let scavenges = 0;
let markCompacts = 0;
let newSpaceAfter: number | undefined;
for (const gc of statistics) {
  if (newSpaceAfter !== undefined) allocated += Math.max(0, used(gc.beforeGC, 'new_space') - newSpaceAfter);
  newSpaceAfter = used(gc.afterGC, 'new_space');
  if (gc.gcType === 'Scavenge') {
    scavenges++;
    promoted += Math.max(0, used(gc.afterGC, 'old_space') - used(gc.beforeGC, 'old_space'));
  } else if (gc.gcType === 'MarkSweepCompact') markCompacts++;
}

await writeFile(
  env.PATH_RESULT ?? '/dev/stderr',
  JSON.stringify({ kind, wins, answered, perSecond: wins / seconds, cpuUsPerWin: (cpu.user + cpu.system) / wins, allocatedKbPerWin: allocated / 1024 / wins, promotedShare: allocated > 0 ? promoted / allocated : 0, scavenges, markCompacts }),
);
await handler.close();
await captured.sandbox.close();
process.exit(0);
