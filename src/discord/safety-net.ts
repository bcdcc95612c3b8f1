import { MessageFlags } from 'discord-api-types/v10';
import type { Interaction, RepliableInteraction } from './interaction.js';
import type { Command } from './command.js';
import { acknowledged, closeAnswers, deferOnce, noPings } from './reply.js';

export interface SafetyNetOptions {
  /** Not answered by then: deferred, so Discord's 3 s never run out (default 2 s). */
  deferAfterMs?: number;
  /** Still unfinished by then: the member is told so rather than left waiting (default 12 s). */
  giveUpAfterMs?: number;
}

export class TookTooLongError extends Error {
  override name = 'TookTooLongError';
}

/** Whether the command's answer is private; private when it does not say (the safe side for an error). */
export function answerIsEphemeral(interaction: RepliableInteraction, command: Command | undefined): boolean {
  try {
    if (command?.kind === 'chat-input' && interaction.isChatInputCommand()) {
      const { ephemeral } = command;
      return typeof ephemeral === 'function' ? ephemeral(interaction) : (ephemeral ?? true);
    }
    if (command?.kind === 'message-menu') return command.ephemeral ?? true;
  } catch {
    // A malformed option is the command's to refuse; the defer stays private.
  }
  return true;
}

/**
 * Runs `work` with one safety net for every interaction: a defer (with the command's own visibility)
 * if nothing was sent in time, and a `TookTooLongError` if the work outlives `giveUpAfterMs`.
 * Work that gives up keeps running; its own answer, if it ever comes, still reaches the member.
 * `onGivenUp` gets that work, still running, when the net gives up on it.
 */
export async function withSafetyNet(
  interaction: Interaction,
  ephemeral: boolean,
  options: SafetyNetOptions,
  work: Promise<void>,
  onGivenUp: (work: Promise<void>) => void,
): Promise<void> {
  if (!interaction.isRepliable()) return work;
  const deferTimer = setTimeout(() => void deferOnce(interaction, { ephemeral }), options.deferAfterMs ?? 2_000);
  let giveUpTimer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    giveUpTimer = setTimeout(() => reject(new TookTooLongError('interaction took too long')), options.giveUpAfterMs ?? 12_000);
  });
  try {
    await Promise.race([work, giveUp]);
  } catch (error) {
    if (error instanceof TookTooLongError) onGivenUp(work);
    throw error;
  } finally {
    clearTimeout(deferTimer);
    clearTimeout(giveUpTimer);
  }
}

/**
 * The last word for an interaction still unfinished as the bot stops: unless its answer already went
 * out, `content` goes into the deferred reply (or as a private reply), and nothing is sent for it after.
 */
export async function answerBeforeExit(interaction: Interaction, content: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  await closeAnswers(interaction);
  await acknowledged(interaction);
  if (interaction.replied) return;
  if (!interaction.deferred) {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
  } else if (interaction.isMessageComponent()) {
    // The defer may be an update of the button's message: that message stays as it was.
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
  } else {
    await interaction.editReply({ content, allowedMentions: noPings });
  }
}
