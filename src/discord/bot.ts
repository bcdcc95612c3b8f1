import { Events, type Client, type Interaction } from 'discord.js';
import type { Command, Deps } from './command.js';
import { createDiscordClient } from './client.js';
import { respond } from './reply.js';
import { createInteractionHandler, type HandledInteraction } from './router.js';
import type { SafetyNetOptions } from './safety-net.js';

// Answered rather than dropped: an unanswered command shows "The application did not respond",
// which reads like a fault; this says what is happening and that trying again will work.
export const RESTARTING = "I'm restarting right now — please try again in a moment. 🌱";

export interface RunningBot {
  client: Client<true>;
  /** Stops taking new interactions (they get a short "restarting" answer) and waits for those in flight. */
  drain(): Promise<void>;
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
  const inFlight = new Set<Promise<unknown>>();
  let draining = false;

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
    const work = (draining ? turnAway(interaction) : handle(interaction))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
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

  const drain = async () => {
    draining = true;
    // Turned-away interactions join the set while it drains, so wait until it stays empty.
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    client: readyClient,
    drain,
    async stop() {
      await drain();
      await client.destroy();
    },
  };
}
