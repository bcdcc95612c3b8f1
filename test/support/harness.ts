import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drizzle } from 'drizzle-orm/postgres-js';
import pino, { type Logger } from 'pino';
import postgres from 'postgres';
import { commands as allCommands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openPostgres, type Database, type PostgresTimeouts } from '../../src/db/client.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { HandledInteraction } from '../../src/discord/router.js';
import type { Command } from '../../src/discord/command.js';
import type { SafetyNetOptions } from '../../src/discord/safety-net.js';
import type { Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { FloodGuard } from '../../src/domain/flood.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startRestProxy } from '../../src/discord/rest-proxy-server.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { interactionsEndpoint } from '../../src/discord/interactions-endpoint.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { sweepForLeaks } from './privacy-sweep.js';

export interface Harness {
  clock: ManualClock;
  database: TestDatabase;
  /** With `throughProxy` (PostgreSQL only): the proxy between the bot and its database. */
  proxy: FaultProxy | undefined;
  sandbox: Sandbox;
  bot: RunningBot;
  /** How the sandbox delivers interactions to the bot. */
  delivery: Delivery;
  /** Over HTTP: the bot's `POST /interactions` URL. */
  interactionsUrl: string | undefined;
  /** With `restProxy`: the REST calls it forwarded, as `METHOD /path`. */
  restProxied: string[] | undefined;
  close(): Promise<void>;
}

/** The gateway, or signed HTTP POSTs to the bot's interactions endpoint (SPEC §11). */
export type Delivery = 'gateway' | 'http';

/** `TEST_DELIVERY=http` runs every e2e file with interactions over HTTP. */
export const defaultDelivery = (): Delivery => (process.env.TEST_DELIVERY === 'http' ? 'http' : 'gateway');

export const interactionsUrlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`;

/** The bot's `POST /interactions` on a port of its own, and the sandbox sending there. */
export async function serveInteractions(sandbox: Sandbox, bot: RunningBot, clock: ManualClock, logger: Logger, deliver = true): Promise<Server> {
  const handle = interactionsEndpoint({ publicKey: sandbox.publicKey, clock, intake: bot.intake, rest: bot.rest, logger });
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  if (deliver) sandbox.deliverOverHttp(interactionsUrlOf(server));
  return server;
}

/** The real bot, on a clean test database, connected through the real discord.js client to the sandbox. */
export async function startHarness(
  start: string,
  options: {
    commands?: readonly Command[];
    db?: Db;
    logger?: Logger;
    safetyNet?: SafetyNetOptions;
    sandbox?: Pick<SandboxOptions, 'deferTimeoutMs'>;
    /** The bot reaches its PostgreSQL database through a fault proxy, with these timeouts. */
    throughProxy?: PostgresTimeouts;
    onInteraction?: (event: HandledInteraction) => void;
    /** Default: `TEST_DELIVERY`, else the gateway. */
    delivery?: Delivery;
    /** The bot's REST calls go through the REST rate-limit proxy of the compose profile `workers`. */
    restProxy?: boolean;
    /** The web view's session secret and the app's client secret, for the consistency role's tokens. */
    roleLinkSecrets?: { sealSecret: string; clientSecret?: string };
  } = {},
): Promise<Harness> {
  const commands = options.commands ?? allCommands;
  const clock = new ManualClock(start);
  const logger = options.logger ?? pino({ level: 'silent' });
  const database = await createTestDatabase();
  const sandbox = await startSandbox({ clock, logger, ...options.sandbox });
  let proxy: FaultProxy | undefined;
  let proxied: Database | undefined;
  if (options.throughProxy && database.url) {
    proxy = await startFaultProxy(database.url);
    proxied = await openPostgres(proxy.url, logger, 10, options.throughProxy);
  }
  await deployCommands(commands, {
    apiUrl: sandbox.apiUrl,
    token: sandbox.token,
    applicationId: sandbox.applicationId,
    guildId: sandbox.guildId,
  });
  const restProxy = options.restProxy ? await startRestProxy({ port: 0, host: '127.0.0.1', upstream: sandbox.apiUrl }) : undefined;
  const restProxied = restProxy ? ([] as string[]) : undefined;
  restProxy?.server.on('request', (request: { method?: string; url?: string }) => restProxied?.push(`${request.method} ${request.url}`));
  const config = loadConfig({ DISCORD_TOKEN: sandbox.token, DISCORD_API_URL: restProxy?.url ?? sandbox.apiUrl, LOG_LEVEL: 'silent' });
  const db = options.db ?? proxied?.db ?? database.db;
  const bot = await startBot({ db, clock, logger, config, flood: new FloodGuard(), roleLinkSecrets: options.roleLinkSecrets }, commands, sandbox.token, {
    safetyNet: options.safetyNet,
    onInteraction: options.onInteraction,
  });
  // Whatever this bot sends to Discord, answers, follow-ups and DMs alike, it sends while an interaction is in
  // flight; ticks are the tests' own and awaited. So `sandbox.idle()` waits for the bot's word, not a long quiet.
  sandbox.watchBot(() => bot.intake.busy());
  const delivery = options.delivery ?? defaultDelivery();
  const endpoint = delivery === 'http' ? await serveInteractions(sandbox, bot, clock, logger) : undefined;
  return {
    delivery,
    interactionsUrl: endpoint ? `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions` : undefined,
    restProxied,
    clock,
    database,
    proxy,
    sandbox,
    bot,
    async close() {
      await bot.stop();
      await restProxy?.close();
      endpoint?.closeAllConnections();
      await new Promise((resolve) => (endpoint ? endpoint.close(resolve) : resolve(undefined)));
      proxy?.pass();
      await proxied?.close();
      await proxy?.close();
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

/**
 * The harness on a database nothing answers: nothing listens on port 1, so every query fails to connect.
 * `close` stops the bot, then ends the client without waiting for queries the router gave up on (they may
 * still be queued behind 2 s connect attempts).
 */
export async function startHarnessOnDeadDatabase(start: string): Promise<{ h: Harness; close(): Promise<void> }> {
  const client = postgres('postgres://postgres@127.0.0.1:1/none', { connect_timeout: 2, max: 1, onnotice: () => {} });
  try {
    const h = await startHarness(start, { db: drizzle(client, { schema }) });
    return {
      h,
      async close() {
        await h.close();
        await client.end({ timeout: 1 });
      },
    };
  } catch (error) {
    await client.end({ timeout: 1 });
    throw error;
  }
}
