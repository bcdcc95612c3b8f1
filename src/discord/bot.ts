import { Events, type Client } from 'discord.js';
import type { Command, Deps } from './command.js';
import { createDiscordClient } from './client.js';
import { createInteractionHandler, type HandledInteraction } from './router.js';

export interface RunningBot {
  client: Client<true>;
  /** Interactions answered since start, by outcome (for /metrics). */
  counters: Record<'ok' | 'refused' | 'error', number>;
  stop(): Promise<void>;
}

/** Connects to Discord (or anything that speaks its API at `config.discordApiUrl`) and answers interactions. */
export async function startBot(
  deps: Deps,
  commands: readonly Command[],
  token: string,
  options: { onInteraction?: (event: HandledInteraction) => void } = {},
): Promise<RunningBot> {
  const client = createDiscordClient(deps.config.discordApiUrl);
  const handle = createInteractionHandler(commands, deps, options.onInteraction);
  const inFlight = new Set<Promise<void>>();
  const counters = { ok: 0, refused: 0, error: 0 };

  client.on(Events.InteractionCreate, (interaction) => {
    const work = handle(interaction)
      .then((outcome) => void counters[outcome]++)
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

  return {
    client: readyClient,
    counters,
    async stop() {
      // Let answers already being written finish before the connection closes.
      await Promise.allSettled([...inFlight]);
      await client.destroy();
    },
  };
}
