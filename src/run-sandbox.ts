import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { ManualClock, systemClock } from './clock.js';
import { databaseOptionsOf, type Config } from './config.js';
import { composeBot } from './compose.js';
import { openDatabase } from './db/client.js';
import { ensureDataDir } from './db/data-dir-lock.js';
import type { Command } from './discord/command.js';
import { deployCommands } from './discord/deploy.js';
import { botDirectory } from './discord/web-directory.js';
import { createLogger } from './logger.js';
import { readWorld, runConsole, runScript, scriptStartClock, startSandbox } from './sandbox/index.js';
import { SANDBOX_CLIENT_SECRET } from './sandbox/oauth.js';
import type { Shutdown } from './shutdown.js';
import { SANDBOX_WEB_PORT, sandboxWebHandler, startSandboxWebView } from './web/start.js';

/**
 * No token: a local Discord stand-in, the real bot connected to it, and a console.
 * The clock starts at real time and moves only when the console says so.
 * A signal runs the same clean-up as the console's end (registered with `shutdown`, each part once).
 */
export async function runSandbox(
  config: Config,
  commands: readonly Command[],
  options: { script: string | undefined; output?: NodeJS.WritableStream; input?: NodeJS.ReadableStream },
  shutdown: Shutdown,
): Promise<number> {
  const output = options.output ?? process.stdout;
  const script = options.script ? await readFile(options.script, 'utf8') : undefined;
  // Said at once: opening the database can take seconds, and a silent terminal looks broken.
  output.write(`Starting Small Wins: ${startingWhat(config)}…\n`);
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
    // The sandbox delivers over its gateway: a GATEWAY=off in the environment is for live mode.
    const botConfig: Config = { ...config, discordApiUrl: sandbox.apiUrl, gateway: true };
    // One session secret per start, shared by the web view and the scheduler (it seals role-link tokens).
    const sessionSecret = randomBytes(32).toString('hex');
    const webParts = { db: database.db, clock, logger, discordApiUrl: sandbox.apiUrl, clientSecret: SANDBOX_CLIENT_SECRET, sessionSecret };
    // HTTP_PORT works here too, as in live mode: health, metrics and the web view on that one port.
    const onHttpPort = config.httpPort ? `http://${urlHost(config.httpHost)}:${config.httpPort}` : undefined;
    const { bot, tickNow, stopBot: stopComposed, busy } = await composeBot({
      config: botConfig,
      token: sandbox.token,
      commands,
      clock,
      logger,
      database,
      shutdown,
      roleLinkSecret: sessionSecret,
      oauthClientSecret: SANDBOX_CLIENT_SECRET,
      webFor: async (parts) =>
        onHttpPort === undefined ? undefined : sandboxWebHandler({ ...webParts, bot: parts.directory, clientId: parts.applicationId, publicUrl: onHttpPort }),
    });
    // The console's wait after each line ends when the bot says it is done, not after a long blind quiet.
    sandbox.watchBot(busy);
    // `:time` moves the clock: the scheduler catches up on everything that became due meanwhile.
    const unsubscribe = clock.onChange(tickNow);
    shutdown.onStop('clock', async () => unsubscribe());
    const stopBot = async () => {
      unsubscribe();
      await stopComposed();
    };
    const filesDir = resolve(config.dataDir, 'sandbox-files');
    // Without HTTP_PORT, on a port of its own that stays the same from one start to the next.
    const web = onHttpPort
      ? { url: onHttpPort, fellBack: false }
      : await startSandboxWebView({ ...webParts, bot: botDirectory(bot), clientId: bot.applicationId });
    if ('server' in web) shutdown.onStop('web view', async () => void web.server.close());
    try {
      if (script !== undefined) {
        return await runScript(sandbox, clock, script.split(/\r?\n/), output, filesDir);
      }
      const moved = web.fellBack ? `port ${SANDBOX_WEB_PORT} is in use, so a free one this time; ` : '';
      output.write(`Web view: ${web.url} (${moved}sign in as any simulated member)\n`);
      output.write(`Small Wins sandbox (bot logs: ${logFile}; database: ${database.kind === 'pglite' ? join(config.dataDir, 'pglite') : 'PostgreSQL'})\n`);
      const input = options.input ?? process.stdin;
      return await runConsole({ sandbox, clock, input, output, interactive: 'isTTY' in input && input.isTTY === true, filesDir });
    } finally {
      await stopBot();
    }
  } finally {
    await closeSandbox();
    await closeDatabase();
    await flushLogs();
  }
}

/** What the first seconds are spent on: creating the embedded database only when its folder holds none yet. */
function startingWhat(config: Config): string {
  if (config.databaseUrl) return 'connecting to PostgreSQL';
  return existsSync(join(config.dataDir, 'pglite', 'PG_VERSION')) ? 'opening the embedded database' : 'creating the embedded database, a few seconds the first time';
}

/** A browser's address for the HTTP server: every interface means this machine too. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
