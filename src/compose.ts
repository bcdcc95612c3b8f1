import type { RequestListener, Server } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { DRAIN_LIMITS, startBot, startWorker, type RunningBot } from './discord/bot.js';
import type { Command } from './discord/command.js';
import { FloodGuard } from './domain/flood.js';
import { interactionsEndpoint } from './discord/interactions-endpoint.js';
import { botDirectory } from './discord/web-directory.js';
import type { BotDirectory } from './bot-directory.js';
import { createBotScheduler } from './jobs/bot-scheduler.js';
import { within, type Shutdown } from './shutdown.js';

export interface ComposedBot {
  bot: RunningBot;
  /** Runs the scheduler's due work now (the sandbox's clock moved). */
  tickNow: () => Promise<void>;
  /** Stops the scheduler and the bot (once; a signal runs the same step). */
  stopBot: () => Promise<void>;
  /** Whether the bot has work in flight that may still post: an interaction being handled, or a scheduler tick. */
  busy: () => boolean;
}

/**
 * The start-up live and sandbox mode share, after the database and logger exist: the bot, the
 * scheduler, then health and metrics on HTTP_PORT (with the web view when `webFor` gives one).
 * Each part registers its clean-up as soon as it exists, so a signal at any moment stops cleanly.
 */
export async function composeBot(parts: {
  config: Config;
  token: string;
  commands: readonly Command[];
  clock: Clock;
  logger: Logger;
  database: Database;
  shutdown: Shutdown;
  webFor?: (bot: { directory: BotDirectory; applicationId: string }) => Promise<RequestListener | undefined>;
  /** The web view's session secret, when it is not in the config (the sandbox makes one per start): it seals role-link tokens. */
  roleLinkSecret?: string;
  /** The app's OAuth2 client secret, when it is not in the config (the sandbox's): renews role-link grants. */
  oauthClientSecret?: string;
}): Promise<ComposedBot> {
  const { config, clock, logger, database, shutdown } = parts;
  let http: Server | undefined;
  const closeHttp = shutdown.onStop('http', async () => void http?.close());
  try {
    // prom-client and the HTTP server load only with HTTP_PORT.
    const metrics = config.httpPort === undefined ? undefined : (await import('./metrics.js')).createMetrics();
    // The parts every handler shares, made once here so nothing lives in module state.
    const sealSecret = parts.roleLinkSecret ?? config.webView?.sessionSecret;
    const clientSecret = parts.oauthClientSecret ?? config.webView?.clientSecret;
    const roleLinkSecrets = sealSecret ? { sealSecret, clientSecret } : undefined;
    const bot = await (config.gateway ? startBot : startWorker)(
      { db: database.db, clock, logger, config, flood: new FloodGuard(), roleLinkSecrets },
      parts.commands,
      parts.token,
      { onInteraction: metrics?.observeInteraction },
    );
    const scheduler = createBotScheduler(bot, { db: database.db, clock, logger, observer: metrics?.jobObserver, roleLinkSecret: sealSecret, oauthClientSecret: clientSecret });
    const stopBot = shutdown.onStop('discord and scheduler', async () => {
      // The gateway closes first, so Discord stops sending; no new ticks. What is in flight finishes or is
      // told the bot is restarting. Every wait is bounded: a stalled database must not hold the exit.
      await Promise.all([within(DRAIN_LIMITS.inFlightMs, scheduler.stop()), bot.drain()]);
      await bot.stop();
    });
    scheduler.start();
    const web = await parts.webFor?.({ directory: botDirectory(bot), applicationId: bot.applicationId });
    if (metrics && config.httpPort !== undefined) {
      const { startObservability } = await import('./observability.js');
      const interactions =
        config.discordPublicKey === undefined
          ? undefined
          : interactionsEndpoint({ publicKey: config.discordPublicKey, clock, intake: bot.intake, rest: bot.rest, logger });
      http = await startObservability({ port: config.httpPort, host: config.httpHost, metrics, bot, database, logger, web, interactions });
    }
    return { bot, tickNow: () => scheduler.tickNow(), stopBot, busy: () => bot.intake.busy() || scheduler.busy() };
  } catch (error) {
    await closeHttp();
    throw error;
  }
}
