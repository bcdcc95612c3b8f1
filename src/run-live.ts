import type { Server } from 'node:http';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { schedulerFor } from './jobs/start.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { startObservability } from './observability.js';

/** Connected to Discord (or a stand-in at DISCORD_API_URL): runs until SIGINT/SIGTERM. */
export async function runLive(config: Config, token: string, commands: readonly Command[], clock: Clock): Promise<undefined> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  let http: Server | undefined;
  try {
    const metrics = config.httpPort === undefined ? undefined : createMetrics();
    const bot = await startBot({ db: database.db, clock, logger, config }, commands, token, { onInteraction: metrics?.observeInteraction });
    const scheduler = schedulerFor(bot.client, { db: database.db, clock, logger, observer: metrics?.jobObserver });
    scheduler.start();
    if (metrics && config.httpPort !== undefined) {
      http = await startObservability({ port: config.httpPort, metrics, client: bot.client, database, logger });
    }
    const stop = async (signal: string) => {
      logger.info({ signal }, 'shutting down');
      http?.close();
      await scheduler.stop();
      await bot.stop();
      await database.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
    return undefined;
  } catch (error) {
    http?.close();
    await database.close();
    throw error;
  }
}
