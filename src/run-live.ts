import type { Clock } from './clock.js';
import { composeBot } from './compose.js';
import { databaseOptionsOf, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import type { Command } from './discord/command.js';
import { createLogger } from './logger.js';
import type { Shutdown } from './shutdown.js';
import { webViewFor } from './web/start.js';

/**
 * Connected to Discord (or a stand-in at DISCORD_API_URL): runs until a signal. Each part registers
 * its clean-up as soon as it exists, so a SIGTERM at any moment of start-up stops cleanly.
 */
export async function runLive(config: Config, token: string, commands: readonly Command[], clock: Clock, shutdown: Shutdown): Promise<undefined> {
  const logger = createLogger(config.logLevel, undefined, { secrets: [token] });
  shutdown.useLog((message, fields) => logger.info(fields, message));
  const database = await openDatabase({ ...databaseOptionsOf(config), logger });
  const closeDatabase = shutdown.onStop('database', () => database.close());
  try {
    await composeBot({
      config,
      token,
      commands,
      clock,
      logger,
      database,
      shutdown,
      webFor: (bot) => webViewFor(config, { db: database.db, clock, logger, bot: bot.directory, clientId: bot.applicationId }),
    });
    return undefined;
  } catch (error) {
    await closeDatabase();
    throw error;
  }
}
