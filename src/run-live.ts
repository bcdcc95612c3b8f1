import type { Server } from 'node:http';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { startHttpServer } from './http.js';
import { schedulerFor } from './jobs/start.js';
import { webViewFor } from './web/start.js';
import { createLogger } from './logger.js';

/** Connected to Discord (or a stand-in at DISCORD_API_URL): runs until SIGINT/SIGTERM. */
export async function runLive(config: Config, token: string, commands: readonly Command[], clock: Clock): Promise<undefined> {
  const logger = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  let http: Server | undefined;
  try {
    const bot = await startBot({ db: database.db, clock, logger, config }, commands, token);
    const scheduler = schedulerFor(bot.client, { db: database.db, clock, logger });
    scheduler.start();
    const web = webViewFor(config, { db: database.db, clock, logger }, bot.client);
    if (config.httpPort !== undefined) {
      http = await startHttpServer(
        config.httpPort,
        {
          checks: { discord: () => bot.client.isReady(), database: async () => (await database.ping(), true) },
          metrics: () => ({
            interactions_ok_total: bot.counters.ok,
            interactions_refused_total: bot.counters.refused,
            interactions_error_total: bot.counters.error,
            guilds: bot.client.guilds.cache.size,
            ws_ping_ms: bot.client.ws.ping,
          }),
        },
        logger,
        web,
      );
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
