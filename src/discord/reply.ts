import {
  MessageFlags,
  type APIEmbed,
  type ActionRowData,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type AttachmentPayload,
  type ButtonInteraction,
  type MessageActionRowComponentData,
  type RepliableInteraction,
} from 'discord.js';

export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: (APIActionRowComponent<APIComponentInMessageActionRow> | ActionRowData<MessageActionRowComponentData>)[];
  files?: AttachmentPayload[];
  ephemeral?: boolean;
}

// Nothing pings unless a caller opts in explicitly (SPEC §1.7).
export const noPings = { parse: [], repliedUser: false };

/**
 * Sends the one answer an interaction needs, whatever state it is in:
 * a first reply, the edit of a deferred reply, or a follow-up.
 */
export async function respond(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  const { ephemeral = false, ...body } = payload;
  const message = { ...body, allowedMentions: noPings };
  if (interaction.deferred && !interaction.replied) {
    const deferredEphemeral = interaction.ephemeral ?? false;
    if (deferredEphemeral === ephemeral) {
      await interaction.editReply(message);
      return;
    }
    // The defer chose the wrong visibility (an error after a public defer): drop it and answer privately.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp({ ...message, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
    return;
  }
  if (interaction.replied) {
    await interaction.followUp({ ...message, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
    return;
  }
  await interaction.reply({ ...message, flags: ephemeral ? MessageFlags.Ephemeral : undefined });
}

/**
 * Runs `work`, deferring the reply if it has not finished in time, so the member
 * never sees "The application did not respond" (Discord allows 3 s).
 */
export async function withDeferral<T>(
  interaction: RepliableInteraction,
  options: { ephemeral: boolean; afterMs?: number },
  work: () => Promise<T>,
): Promise<T> {
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    if (interaction.deferred || interaction.replied) return;
    deferring = interaction
      .deferReply({ flags: options.ephemeral ? MessageFlags.Ephemeral : undefined })
      .catch(() => undefined);
  }, options.afterMs ?? 1500);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await deferring;
  }
}

/**
 * Replaces the message a button sits under, deferring the update if building the new one
 * runs long (Discord allows 3 s).
 */
export async function updateInPlace(interaction: ButtonInteraction, build: () => Promise<Omit<ReplyPayload, 'ephemeral'>>): Promise<void> {
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferring = interaction.deferUpdate().catch(() => undefined);
  }, 1500);
  let payload: Omit<ReplyPayload, 'ephemeral'>;
  try {
    payload = await build();
  } finally {
    clearTimeout(timer);
    await deferring;
  }
  const body = { ...payload, allowedMentions: noPings };
  if (interaction.deferred) await interaction.editReply(body);
  else await interaction.update(body);
}
