import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { ManualClock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { deployCommands } from './discord/deploy.js';
import { schedulerFor } from './jobs/start.js';
import { createLogger } from './logger.js';
import { runConsole, runScript, startSandbox } from './sandbox/index.js';
import { startSandboxWebView } from './web/start.js';

/**
 * No token: a local Discord stand-in, the real bot connected to it, and a console.
 * The clock starts at real time and moves only when the console says so.
 */
export async function runSandbox(config: Config, commands: readonly Command[], options: { script: string | undefined }): Promise<number> {
  const script = options.script ? await readFile(options.script, 'utf8') : undefined;
  const logFile = resolve(config.dataDir, 'sandbox.log');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger: pino({ level: 'warn' }) });
  // The console owns the terminal, so the bot's logs go to a file.
  const logger = createLogger(config.logLevel, pino.destination({ dest: logFile, mkdir: true, sync: false }));
  const clock = new ManualClock(systemClock.now());
  const sandbox = await startSandbox({ clock, logger: logger.child({ component: 'sandbox' }) });
  try {
    // What `npm run commands:deploy` does against Discord, done here against the sandbox.
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: sandbox.token, applicationId: sandbox.applicationId, guildId: sandbox.guildId });
    const botConfig: Config = { ...config, discordApiUrl: sandbox.apiUrl };
    const bot = await startBot({ db: database.db, clock, logger, config: botConfig }, commands, sandbox.token);
    const scheduler = schedulerFor(bot.client, { db: database.db, clock, logger });
    scheduler.start();
    // `:time` moves the clock: the scheduler catches up on everything that became due meanwhile.
    const unsubscribe = clock.onChange(() => scheduler.tickNow());
    const filesDir = resolve(config.dataDir, 'sandbox-files');
    const web = await startSandboxWebView({ db: database.db, clock, logger, port: config.httpPort, discordApiUrl: sandbox.apiUrl, client: bot.client });
    try {
      if (script !== undefined) {
        return await runScript(sandbox, clock, script.split(/\r?\n/), process.stdout, filesDir);
      }
      process.stdout.write(`Web view: ${web.url} (sign in as any simulated member)\n`);
      process.stdout.write(`Small Wins sandbox (bot logs: ${logFile}; database: ${database.kind === 'pglite' ? join(config.dataDir, 'pglite') : 'PostgreSQL'})\n`);
      return await runConsole({ sandbox, clock, input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY), filesDir });
    } finally {
      web.server.close();
      unsubscribe();
      await scheduler.stop();
      await bot.stop();
    }
  } finally {
    await sandbox.close();
    await database.close();
    logger.flush();
  }
}
