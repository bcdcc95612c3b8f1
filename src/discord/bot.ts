import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { Command, Deps } from './command.js';
import { trackServerPresence } from '../features/server-presence.js';
import type { Gateway, ShardState } from './gateway.js';
import { createRest } from './rest.js';
import { createIntake, DRAIN_LIMITS, type DrainLimits, type Intake } from './intake.js';
import { interactionCallbacks } from './interaction-callback.js';
import { restResponder } from './responders.js';
import type { HandledInteraction } from './router.js';
import { within } from '../shutdown.js';
import type { SafetyNetOptions } from './safety-net.js';

export { DRAIN_LIMITS, type DrainLimits } from './intake.js';

export interface RunningBot {
  /** Every Discord call of this process goes through it (answers, posts, DMs, deletes). */
  rest: REST;
  user: { id: string };
  applicationId: string;
  /** The gateway's view: the bot's servers and their text channels, kept minimal (src/discord/gateway.ts); none for a GATEWAY=off worker. */
  gateway: Gateway | undefined;
  /** Where interactions enter: the gateway feeds it, and so does the HTTP endpoint when there is one. */
  intake: Intake;
  /**
   * Closes the gateway first, so Discord stops sending; what still arrives gets a short "restarting"
   * answer; those in flight finish within the limit, and each still unfinished is told it may not have gone through.
   */
  drain(limits?: DrainLimits): Promise<void>;
  /** `drain`, then the REST client too. */
  stop(): Promise<void>;
}

export type { ShardState };

// How long stopping waits for the last "bot is in this server" marks.
const PRESENCE_CLOSE_MS = 1_000;

/** Connects to Discord (or anything that speaks its API at `config.discordApiUrl`) and answers interactions. */

export async function startBot(
  deps: Deps,
  commands: readonly Command[],
  token: string,
  options: { safetyNet?: SafetyNetOptions; onInteraction?: (event: HandledInteraction) => void } = {},
): Promise<RunningBot> {
  const rest = createRest(deps.config.discordApiUrl, token);
  // Whether the bot is in a server lives in the database too: HTTP-only workers never see the gateway.
  const presence = trackServerPresence(deps);
  const intake = createIntake(commands, deps, rest, { ...options, presence });
  // Interactions arrive as plain payloads: the same path the HTTP endpoint feeds.
  // Loaded here, not at the top: a GATEWAY=off worker never needs @discordjs/ws.
  const { Gateway } = await import('./gateway.js');
  const onServer = (guildId: string, present: boolean) => (present ? presence.inServer(guildId) : presence.leftServer(guildId));
  const callbacks = interactionCallbacks(rest);
  const gateway = new Gateway(rest, token, deps.config, deps.logger, (raw) => void intake.receive(raw, restResponder(rest, raw, callbacks)), onServer);
  let draining: Promise<void> | undefined;
  try {
    await gateway.connect();
  } catch (error) {
    await gateway.destroy().catch(() => undefined);
    await within(PRESENCE_CLOSE_MS, presence.close());
    throw error;
  }
  deps.logger.info({ user: gateway.user.id, guilds: gateway.guildIds().length }, 'connected to Discord');

  const closeGateway = async (limits: DrainLimits) => {
    // Only the gateway: REST stays up for the answers still owed. A dead route never acknowledges the close.
    if (!(await within(limits.gatewayMs, gateway.destroy()))) deps.logger.warn('the gateway did not close in time; going on');
    else deps.logger.info('gateway closed');
  };
  const drain = (limits = DRAIN_LIMITS) => {
    intake.stopTaking();
    return (draining ??= Promise.all([closeGateway(limits), intake.finishInFlight(limits)]).then(() => undefined));
  };
  return {
    rest,
    user: gateway.user,
    applicationId: gateway.applicationId,
    gateway,
    intake,
    drain,
    async stop() {
      await drain();
      // Bounded: a stalled database must not hold the exit (the next connection announces every server again).
      await within(PRESENCE_CLOSE_MS, presence.close());
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

/**
 * `GATEWAY=off` (SPEC §11): no gateway session at all. Interactions arrive only through the HTTP endpoint
 * (`intake`), and what the process needs to know of Discord it asks over REST; nothing it needs lives only
 * in its memory, so any number of workers behind one load balancer answer alike.
 */
export async function startWorker(
  deps: Deps,
  commands: readonly Command[],
  token: string,
  options: { safetyNet?: SafetyNetOptions; onInteraction?: (event: HandledInteraction) => void } = {},
): Promise<RunningBot> {
  const rest = createRest(deps.config.discordApiUrl, token);
  const [me, application] = (await Promise.all([rest.get(Routes.user('@me')), rest.get(Routes.currentApplication())])) as [{ id: string }, { id: string }];
  // No removal events here: a server is marked removed when Discord refuses a post there (src/jobs/recap.ts),
  // and present again when an interaction comes from its install.
  const presence = trackServerPresence(deps);
  const intake = createIntake(commands, deps, rest, { ...options, presence });
  deps.logger.info({ user: me.id }, 'ready as a worker without a gateway (GATEWAY=off)');
  let draining: Promise<void> | undefined;
  const drain = (limits = DRAIN_LIMITS) => {
    intake.stopTaking();
    return (draining ??= intake.finishInFlight(limits));
  };
  return {
    rest,
    user: { id: me.id },
    applicationId: application.id,
    gateway: undefined,
    intake,
    drain,
    async stop() {
      await drain();
      await within(PRESENCE_CLOSE_MS, presence.close());
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
