import type { RequestListener, Server } from 'node:http';
import type { ShardState } from './discord/gateway.js';
import type { Logger } from 'pino';
import type { Database } from './db/client.js';
import { startHttpServer, type InteractionsHandler } from './http.js';
import type { Metrics } from './metrics.js';

/** Health checks and metrics over a running bot: the same wiring for live and sandbox mode (and the e2e test). */
export async function startObservability(options: {
  port: number;
  /** HTTP_HOST: default every interface. */
  host?: string | undefined;
  metrics: Metrics;
  /** The gateway's shards and servers (none for a GATEWAY=off worker). */
  bot: { gateway?: { shards(): ShardState[]; guildIds(): string[] } | undefined };
  database: Database;
  logger: Logger;
  /** The web view, served on the same port when it is on. */
  web?: RequestListener | undefined;
  /** `POST /interactions`, when DISCORD_PUBLIC_KEY is set. */
  interactions?: InteractionsHandler | undefined;
}): Promise<Server> {
  const { metrics, bot, database } = options;
  const shards = () => bot.gateway?.shards() ?? [];
  metrics.bind({
    shards,
    guilds: () => bot.gateway?.guildIds().length ?? 0,
    ...(database.poolUsage ? { pool: database.poolUsage } : {}),
  });
  return startHttpServer(
    { port: options.port, host: options.host ?? '0.0.0.0' },
    {
      registry: metrics.registry,
      checks: {
        database: async () => {
          try {
            await database.ping();
            return true;
          } catch (error) {
            metrics.databaseError('health');
            throw error;
          }
        },
        // A GATEWAY=off worker has no gateway to be healthy or not.
        ...(bot.gateway ? { gateway: () => shards().length > 0 && shards().every((shard) => shard.ready) } : {}),
      },
    },
    options.logger,
    options.web,
    options.interactions,
  );
}
