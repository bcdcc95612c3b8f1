import type { Server } from 'node:http';
import type { Clock } from './clock.js';
import { databaseOptionsOf, type Config } from './config.js';
import { createCelebrationNotes } from './db/celebrations.js';
import { openDatabase } from './db/client.js';
import { startBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { FloodGuard } from './domain/flood.js';
import { createBotScheduler } from './jobs/bot-scheduler.js';
import { webViewFor } from './web/start.js';
import { createLogger } from './logger.js';
import type { Shutdown } from './shutdown.js';

/**
 * Connected to Discord (or a stand-in at DISCORD_API_URL): runs until a signal. Each part registers
 * its clean-up as soon as it exists, so a SIGTERM at any moment of start-up stops cleanly.
 */
export async function runLive(config: Config, token: string, commands: readonly Command[], clock: Clock, shutdown: Shutdown): Promise<undefined> {
  const logger = createLogger(config.logLevel, undefined, { secrets: [token] });
  shutdown.useLog((message, fields) => logger.info(fields, message));
  const database = await openDatabase({ ...databaseOptionsOf(config), logger });
  const closeDatabase = shutdown.onStop('database', () => database.close());
  let http: Server | undefined;
  const closeHttp = shutdown.onStop('http', async () => void http?.close());
  try {
    // prom-client and the HTTP server load only with HTTP_PORT.
    const metrics = config.httpPort === undefined ? undefined : (await import('./metrics.js')).createMetrics();
    const celebrations = createCelebrationNotes(database.db, logger);
    const bot = await startBot({ db: database.db, clock, logger, config, celebrations, flood: new FloodGuard() }, commands, token, { onInteraction: metrics?.observeInteraction });
    const scheduler = createBotScheduler(bot.client, { db: database.db, clock, logger, observer: metrics?.jobObserver });
    shutdown.onStop('discord and scheduler', async () => {
      // No new interactions or ticks; the ones in flight finish, then the connection closes.
      await Promise.all([scheduler.stop(), bot.drain()]);
      // Where the last wins were celebrated, so deleting them later removes those messages too.
      await celebrations.close().catch((error: unknown) => logger.warn({ err: error }, 'could not note the last celebrations'));
      await bot.stop();
    });
    scheduler.start();
    const web = await webViewFor(config, { db: database.db, clock, logger, celebrations }, bot.client);
    if (metrics && config.httpPort !== undefined) {
      const { startObservability } = await import('./observability.js');
      http = await startObservability({ port: config.httpPort, host: config.httpHost, metrics, client: bot.client, database, logger, web });
    }
    return undefined;
  } catch (error) {
    await closeHttp();
    await closeDatabase();
    throw error;
  }
}
