import type { Server } from 'node:http';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { startHttpServer } from './http.js';
import { schedulerFor } from './jobs/start.js';
import { createLogger } from './logger.js';
import type { Shutdown } from './shutdown.js';

/**
 * Connected to Discord (or a stand-in at DISCORD_API_URL): runs until a signal. Each part registers
 * its clean-up as soon as it exists, so a SIGTERM at any moment of start-up stops cleanly.
 */
export async function runLive(config: Config, token: string, commands: readonly Command[], clock: Clock, shutdown: Shutdown): Promise<undefined> {
  const logger = createLogger(config.logLevel, undefined, { secrets: [token] });
  shutdown.useLog((message, fields) => logger.info(fields, message));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const closeDatabase = shutdown.onStop('database', () => database.close());
  let http: Server | undefined;
  const closeHttp = shutdown.onStop('http', async () => void http?.close());
  try {
    const bot = await startBot({ db: database.db, clock, logger, config }, commands, token);
    const scheduler = schedulerFor(bot.client, { db: database.db, clock, logger });
    shutdown.onStop('discord and scheduler', async () => {
      // No new interactions or ticks; the ones in flight finish, then the connection closes.
      await Promise.all([scheduler.stop(), bot.drain()]);
      await bot.stop();
    });
    scheduler.start();
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
      );
    }
    return undefined;
  } catch (error) {
    await closeHttp();
    await closeDatabase();
    throw error;
  }
}
