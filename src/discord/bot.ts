import { Events, type Client, type Interaction } from 'discord.js';
import type { Command, Deps } from './command.js';
import { createDiscordClient } from './client.js';
import { respond } from './reply.js';
import { createInteractionHandler, type HandledInteraction } from './router.js';
import { within } from '../shutdown.js';
import { answerBeforeExit, type SafetyNetOptions } from './safety-net.js';

// Answered rather than dropped: an unanswered command shows "The application did not respond",
// which reads like a fault; this says what is happening and that trying again will work.
export const RESTARTING = "I'm restarting right now — please try again in a moment. 🌱";
// For work the stop cut short: it may or may not have reached the database, so neither is promised.
export const RESTARTING_UNFINISHED = "I'm restarting, so I couldn't finish that — it may not have gone through. Check again in a minute before trying again. 🌱";

/** How long a stop gives each part (ms): the whole stays inside `docker stop`'s 10 s. */
export interface DrainLimits {
  /** Closing the gateway; past it the socket is left to close on its own (a dead route). */
  gatewayMs: number;
  /** Interactions in flight finish by then, or get the "may not have gone through" answer. */
  inFlightMs: number;
  /** Sending those answers. */
  answersMs: number;
}

export const DRAIN_LIMITS: DrainLimits = { gatewayMs: 1_500, inFlightMs: 3_500, answersMs: 1_000 };

export interface RunningBot {
  client: Client<true>;
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
  const handle = createInteractionHandler(commands, deps, { ...options.safetyNet, onHandled: options.onInteraction });
  const inFlight = new Map<Interaction, Promise<unknown>>();
  let draining: Promise<void> | undefined;

  const turnAway = async (interaction: Interaction): Promise<'refused'> => {
    deps.logger.info({ interaction: interaction.id }, 'turned away: restarting');
    try {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) await respond(interaction, { content: RESTARTING, ephemeral: true });
    } catch (error) {
      deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the restarting answer');
    }
    return 'refused';
  };

  client.on(Events.InteractionCreate, (interaction) => {
    deps.logger.debug({ interaction: interaction.id }, 'interaction received');
    const work = (draining ? turnAway(interaction) : handle(interaction)).finally(() => inFlight.delete(interaction));
    inFlight.set(interaction, work);
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
  const finishInFlight = async (limits: DrainLimits) => {
    const deadline = Date.now() + limits.inFlightMs;
    // Turned-away interactions join the map while it drains, so wait until it stays empty (or time is up).
    while (inFlight.size > 0 && Date.now() < deadline) await within(deadline - Date.now(), Promise.allSettled([...inFlight.values()]));
    const unfinished = [...inFlight.keys()];
    if (unfinished.length === 0) return;
    deps.logger.warn({ unfinished: unfinished.length }, 'stopping with interactions unfinished; telling each one');
    const answers = unfinished.map((interaction) =>
      answerBeforeExit(interaction, RESTARTING_UNFINISHED).catch((error: unknown) =>
        deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the restarting answer'),
      ),
    );
    await within(limits.answersMs, Promise.all(answers));
  };
  const drain = (limits = DRAIN_LIMITS) =>
    (draining ??= Promise.all([closeGateway(limits), finishInFlight(limits)]).then(() => undefined));
  return {
    client: readyClient,
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
