import pino from 'pino';
import { commands as allCommands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { HandledInteraction } from '../../src/discord/router.js';
import type { Command } from '../../src/discord/command.js';
import type { Db } from '../../src/db/client.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase } from './database.js';
import { sweepForLeaks } from './privacy-sweep.js';

export interface Harness {
  clock: ManualClock;
  database: Database;
  sandbox: Sandbox;
  bot: RunningBot;
  close(): Promise<void>;
}

/** The real bot, on a clean test database, connected through the real discord.js client to the sandbox. */
export async function startHarness(
  start: string,
  options: { commands?: readonly Command[]; db?: Db; onInteraction?: (event: HandledInteraction) => void } = {},
): Promise<Harness> {
  const commands = options.commands ?? allCommands;
  const clock = new ManualClock(start);
  const logger = pino({ level: 'silent' });
  const database = await createTestDatabase();
  const sandbox = await startSandbox({ clock, logger });
  await deployCommands(commands, {
    apiUrl: sandbox.apiUrl,
    token: sandbox.token,
    applicationId: sandbox.applicationId,
    guildId: sandbox.guildId,
  });
  const config = loadConfig({ DISCORD_TOKEN: sandbox.token, DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'silent' });
  const bot = await startBot({ db: options.db ?? database.db, clock, logger, config }, commands, sandbox.token, { onInteraction: options.onInteraction });
  return {
    clock,
    database,
    sandbox,
    bot,
    async close() {
      await bot.stop();
      // Every e2e file ends with this sweep: nothing private may have reached anyone else.
      const leaks = await sweepForLeaks(database.db, sandbox.allMessages());
      if (leaks.length > 0) {
        await sandbox.close();
        await database.close();
        throw new Error(`Private data reached other members:\n${leaks.join('\n')}`);
      }
      await sandbox.close();
      await database.close();
    },
  };
}
