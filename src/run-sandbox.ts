import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { ManualClock, systemClock } from './clock.js';
import { databaseOptionsOf, type Config } from './config.js';
import { createCelebrationNotes } from './db/celebrations.js';
import { openDatabase } from './db/client.js';
import { ensureDataDir } from './db/data-dir-lock.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { FloodGuard } from './domain/flood.js';
import { deployCommands } from './discord/deploy.js';
import { createBotScheduler } from './jobs/bot-scheduler.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { startObservability } from './observability.js';
import { readWorld, runConsole, runScript, scriptStartClock, startSandbox } from './sandbox/index.js';
import type { Shutdown } from './shutdown.js';
import { startSandboxWebView } from './web/start.js';

/**
 * No token: a local Discord stand-in, the real bot connected to it, and a console.
 * The clock starts at real time and moves only when the console says so.
 * A signal runs the same clean-up as the console's end (registered with `shutdown`, each part once).
 */
export async function runSandbox(
  config: Config,
  commands: readonly Command[],
  options: { script: string | undefined; output?: NodeJS.WritableStream },
  shutdown: Shutdown,
): Promise<number> {
  const output = options.output ?? process.stdout;
  const script = options.script ? await readFile(options.script, 'utf8') : undefined;
  // Said at once: opening the database can take seconds, and a silent terminal looks broken.
  output.write(config.databaseUrl ? 'Starting Small Wins: connecting to PostgreSQL…\n' : 'Starting Small Wins: creating the embedded database, a few seconds the first time…\n');
  // The log file lives there too: a folder that cannot be written is said plainly before anything opens it.
  await ensureDataDir(config.dataDir);
  const logFile = resolve(config.dataDir, 'sandbox.log');
  // The console owns the terminal, so the bot's logs go to a file.
  const logger = createLogger(config.logLevel, pino.destination({ dest: logFile, mkdir: true, sync: false }));
  const flushLogs = shutdown.onStop('logs', async () => logger.flush());
  shutdown.useLog((message, fields) => logger.info(fields, message));
  const database = await openDatabase({ ...databaseOptionsOf(config), logger: pino({ level: 'warn' }) });
  const closeDatabase = shutdown.onStop('database', () => database.close());
  // The same server, channels and members as last time (SPEC §9), and a clock that never runs backwards.
  const worldFile = resolve(config.dataDir, 'sandbox-world.json');
  const savedAt = readWorld(worldFile)?.clock;
  // A new world made by a script that pins its clock is made at that instant: its ids, and so its output, repeat.
  const pinned = savedAt === undefined && script !== undefined ? scriptStartClock(script.split(/\r?\n/)) : undefined;
  const clock = new ManualClock(pinned?.getTime() ?? Math.max(systemClock.now().getTime(), savedAt ? Date.parse(savedAt) : 0));
  const sandbox = await startSandbox({ clock, logger: logger.child({ component: 'sandbox' }), worldFile });
  const closeSandbox = shutdown.onStop('sandbox', () => sandbox.close());
  try {
    // What `npm run commands:deploy` does against Discord (global commands, so they work in DMs too), done here against the sandbox.
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: sandbox.token, applicationId: sandbox.applicationId });
    const botConfig: Config = { ...config, discordApiUrl: sandbox.apiUrl };
    const metrics = config.httpPort === undefined ? undefined : createMetrics();
    const celebrations = createCelebrationNotes(database.db, logger);
    const bot = await startBot({ db: database.db, clock, logger, config: botConfig, celebrations, flood: new FloodGuard() }, commands, sandbox.token, { onInteraction: metrics?.observeInteraction });
    const scheduler = createBotScheduler(bot.client, { db: database.db, clock, logger, observer: metrics?.jobObserver });
    // HTTP_PORT works here too, so health checks and dashboards can be tried without Discord.
    const http = metrics && config.httpPort !== undefined
      ? await startObservability({ port: config.httpPort, host: config.httpHost, metrics, client: bot.client, database, logger })
      : undefined;
    shutdown.onStop('http', async () => void http?.close());
    // `:time` moves the clock: the scheduler catches up on everything that became due meanwhile.
    const unsubscribe = clock.onChange(() => scheduler.tickNow());
    const stopBot = shutdown.onStop('discord and scheduler', async () => {
      unsubscribe();
      await Promise.all([scheduler.stop(), bot.drain()]);
      // Where the last wins were celebrated, so deleting them later removes those messages too.
      await celebrations.close().catch((error: unknown) => logger.warn({ err: error }, 'could not note the last celebrations'));
      await bot.stop();
    });
    scheduler.start();
    const filesDir = resolve(config.dataDir, 'sandbox-files');
    // On a port of its own: HTTP_PORT, when set, serves health and metrics as in production.
    const web = await startSandboxWebView({ db: database.db, clock, logger, celebrations, port: undefined, discordApiUrl: sandbox.apiUrl, client: bot.client });
    shutdown.onStop('web view', async () => void web.server.close());
    try {
      if (script !== undefined) {
        return await runScript(sandbox, clock, script.split(/\r?\n/), output, filesDir);
      }
      output.write(`Web view: ${web.url} (sign in as any simulated member)\n`);
      output.write(`Small Wins sandbox (bot logs: ${logFile}; database: ${database.kind === 'pglite' ? join(config.dataDir, 'pglite') : 'PostgreSQL'})\n`);
      return await runConsole({ sandbox, clock, input: process.stdin, output, interactive: Boolean(process.stdin.isTTY), filesDir });
    } finally {
      await stopBot();
    }
  } finally {
    await closeSandbox();
    await closeDatabase();
    await flushLogs();
  }
}
