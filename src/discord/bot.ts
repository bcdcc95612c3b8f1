import { Events, GatewayDispatchEvents, type Client, type GatewayDispatchPayload } from 'discord.js';
import type { Command, Deps } from './command.js';
import { createDiscordClient } from './client.js';
import { createIntake, DRAIN_LIMITS, type DrainLimits, type Intake } from './intake.js';
import { restResponder } from './responders.js';
import type { HandledInteraction } from './router.js';
import { within } from '../shutdown.js';
import type { SafetyNetOptions } from './safety-net.js';

export { DRAIN_LIMITS, RESTARTING, RESTARTING_UNFINISHED, type DrainLimits } from './intake.js';

export interface RunningBot {
  client: Client<true>;
  /** Where interactions enter: the gateway feeds it, and so does the HTTP endpoint when there is one. */
  intake: Intake;
  /**
   * Closes the gateway first, so Discord stops sending; what still arrives gets a short "restarting"
   * answer; those in flight finish within the limit, and each still unfinished is told it may not have gone through.
   */
  drain(limits?: DrainLimits): Promise<void>;
  /** `drain`, then disconnect. */
  stop(): Promise<void>;
}

/** Connects to Discord (or anything that speaks its API at `config.discordApiUrl`) and answers interactions. */
export async function startBot(
  deps: Deps,
  commands: readonly Command[],
  token: string,
  options: { safetyNet?: SafetyNetOptions; onInteraction?: (event: HandledInteraction) => void } = {},
): Promise<RunningBot> {
  const client = createDiscordClient(deps.config.discordApiUrl, deps.config);
  const intake = createIntake(commands, deps, client.rest, options);
  let draining: Promise<void> | undefined;

  // Interactions are read from the raw dispatch, as plain payloads: the same path the HTTP endpoint feeds.
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
    if (packet.t !== GatewayDispatchEvents.InteractionCreate) return;
    void intake.receive(packet.d, restResponder(client.rest, packet.d));
  });
  client.on(Events.Error, (error) => deps.logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => deps.logger.warn({ message }, 'discord client warning'));
  client.on(Events.GuildCreate, (guild) => deps.logger.info({ guild: guild.id }, 'joined or resumed a server'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  deps.logger.info({ user: readyClient.user.id, guilds: readyClient.guilds.cache.size }, 'connected to Discord');

  const closeGateway = async (limits: DrainLimits) => {
    // Only the gateway: REST stays up for the answers still owed. A dead route never acknowledges the close.
    if (!(await within(limits.gatewayMs, gatewayOf(client).destroy()))) deps.logger.warn('the gateway did not close in time; going on');
    else deps.logger.info('gateway closed');
  };
  const drain = (limits = DRAIN_LIMITS) => {
    intake.stopTaking();
    return (draining ??= Promise.all([closeGateway(limits), intake.finishInFlight(limits)]).then(() => undefined));
  };
  return {
    client: readyClient,
    intake,
    drain,
    async stop() {
      await drain();
      await client.destroy();
    },
  };
}

/**
 * The gateway alone. discord.js types `ws.destroy` as private, but `client.destroy()` also drops the
 * token the answers still owed may need (a check-in DM, a channel post), so the gateway closes on its own.
 */
function gatewayOf(client: Client): { destroy(): Promise<void> } {
  return client.ws as unknown as { destroy(): Promise<void> };
}
