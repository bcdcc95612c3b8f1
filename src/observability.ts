import type { RequestListener, Server } from 'node:http';
import { Status, type Client } from 'discord.js';
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
  client: Client;
  database: Database;
  logger: Logger;
  /** The web view, served on the same port when it is on. */
  web?: RequestListener | undefined;
  /** `POST /interactions`, when DISCORD_PUBLIC_KEY is set. */
  interactions?: InteractionsHandler | undefined;
}): Promise<Server> {
  const { metrics, client, database } = options;
  const shards = () => [...client.ws.shards.values()].map((shard) => ({ id: shard.id, pingMs: shard.ping, ready: shard.status === Status.Ready }));
  metrics.bind({
    shards,
    guilds: () => client.guilds.cache.size,
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
        gateway: () => client.isReady() && shards().length > 0 && shards().every((shard) => shard.ready),
      },
    },
    options.logger,
    options.web,
    options.interactions,
  );
}
