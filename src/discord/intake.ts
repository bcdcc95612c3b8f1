import type { REST } from '@discordjs/rest';
import type { APIInteraction } from 'discord-api-types/v10';
import type { ServerPresence } from '../features/server-presence.js';
import { within } from '../shutdown.js';
import type { Command, Deps } from './command.js';
import { Interaction, type Responder } from './interaction.js';
import { translatorFor } from './locale.js';
import { respond } from './reply.js';
import { createInteractionHandler, type HandledInteraction } from './router.js';
import { answerBeforeExit, type SafetyNetOptions } from './safety-net.js';

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

export type Outcome = 'ok' | 'refused' | 'error';

/**
 * Where every interaction enters, from the gateway or from HTTP: one handler, the interactions in flight,
 * and the stop (turn new ones away, let those in flight finish, tell the unfinished ones).
 */
export interface Intake {
  receive(raw: APIInteraction, responder: Responder): Promise<Outcome>;
  /** From now on each new interaction gets the short "restarting" answer. */
  stopTaking(): void;
  /** Whether an interaction is still being handled (its answer, follow-ups and DMs not all sent), given up on or not. */
  busy(): boolean;
  /** Waits for those in flight (within the limits), then answers each still unfinished. */
  finishInFlight(limits: DrainLimits): Promise<void>;
}

export function createIntake(
  commands: readonly Command[],
  deps: Deps,
  rest: REST,
  options: {
    safetyNet?: SafetyNetOptions | undefined;
    onInteraction?: ((event: HandledInteraction) => void) | undefined;
    /** Told of each server an interaction says the app is installed in (batched; a removed one counts again). */
    presence?: Pick<ServerPresence, 'inServer'> | undefined;
  } = {},
): Intake {
  // Work the safety net gave up on: the member was told, but it goes on and may still answer or post.
  const givenUp = new Set<Promise<void>>();
  const onGivenUp = (work: Promise<void>) => {
    givenUp.add(work);
    void work.finally(() => givenUp.delete(work));
  };
  // eslint-disable-next-line no-restricted-syntax -- once per process
  const handle = createInteractionHandler(commands, deps, { ...options.safetyNet, onHandled: options.onInteraction, onGivenUp });
  const inFlight = new Map<Interaction, Promise<unknown>>();
  let taking = true;

  // Answered rather than dropped: an unanswered command shows "The application did not respond", which reads
  // like a fault; this says what is happening and that trying again will work.
  const turnAway = async (interaction: Interaction): Promise<'refused'> => {
    deps.logger.info({ interaction: interaction.id }, 'turned away: restarting');
    try {
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) await respond(interaction, { content: translatorFor(interaction).t('restarting'), ephemeral: true });
    } catch (error) {
      deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the restarting answer');
    }
    return 'refused';
  };

  return {
    receive(raw, responder) {
      const interaction = new Interaction(raw, responder, rest);
      deps.logger.debug({ interaction: interaction.id }, 'interaction received');
      // Key 0 names the server that installed the app ("0" in the bot's own DM): the bot is in it, so a server marked
      // removed was evidently added back, the only way a deployment without the gateway learns of it.
      const installedIn = raw.authorizing_integration_owners?.[0];
      if (taking && installedIn && installedIn !== '0') options.presence?.inServer(installedIn);
      const work = (taking ? handle(interaction) : turnAway(interaction)).finally(() => inFlight.delete(interaction));
      inFlight.set(interaction, work);
      return work;
    },
    stopTaking() {
      taking = false;
    },
    busy: () => inFlight.size > 0 || givenUp.size > 0,
    async finishInFlight(limits) {
      const deadline = Date.now() + limits.inFlightMs;
      // Turned-away interactions join the map while it drains, so wait until it stays empty (or time is up).
      while (inFlight.size > 0 && Date.now() < deadline) await within(deadline - Date.now(), Promise.allSettled([...inFlight.values()]));
      const unfinished = [...inFlight.keys()];
      if (unfinished.length === 0) return;
      deps.logger.warn({ unfinished: unfinished.length }, 'stopping with interactions unfinished; telling each one');
      // Work the stop cut short may or may not have reached the database, so the answer promises neither.
      const answers = unfinished.map((interaction) =>
        answerBeforeExit(interaction, translatorFor(interaction).t('restarting.unfinished')).catch((error: unknown) =>
          deps.logger.warn({ err: error, interaction: interaction.id }, 'could not send the restarting answer'),
        ),
      );
      await within(limits.answersMs, Promise.all(answers));
    },
  };
}
