import { MessageFlags, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord-api-types/v10';
import type { AnswerOptions, ButtonInteraction, FileToSend, RepliableInteraction } from './interaction.js';

export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: FileToSend[];
  ephemeral?: boolean;
}

// Nothing pings unless a caller opts in explicitly (SPEC §1.7).
export const noPings = { parse: [], repliedUser: false };

// The first acknowledgement of each interaction, whoever started it (a command's own defer or the
// router's safety net): discord.js marks `deferred` only once Discord has answered, so two callers
// racing would both acknowledge and the second would fail.
const acknowledging = new WeakMap<RepliableInteraction, Promise<void>>();
// Buttons whose answer replaces their message: any defer of theirs, the router's included, is an update.
const updatingInPlace = new WeakSet<RepliableInteraction>();
// Answered for good as the bot stopped: nothing more goes out for them. `sending` is each one's answer on its way.
const closed = new WeakSet<RepliableInteraction>();
const sending = new WeakMap<RepliableInteraction, Promise<unknown>>();

/** Nothing more is sent for this interaction; resolves once an answer already on its way has landed (or failed). */
export async function closeAnswers(interaction: RepliableInteraction): Promise<void> {
  closed.add(interaction);
  await sending.get(interaction)?.catch(() => undefined);
}

/**
 * Defers the interaction unless it is already acknowledged or being acknowledged:
 * `'update'` for a component whose message will be edited, otherwise a reply of the given visibility.
 */
export function deferOnce(interaction: RepliableInteraction, how: { ephemeral: boolean } | 'update'): Promise<void> {
  const pending = acknowledging.get(interaction);
  if (pending) return pending;
  if (closed.has(interaction) || interaction.deferred || interaction.replied) return Promise.resolve();
  const update = how === 'update' || updatingInPlace.has(interaction);
  const deferring = (
    update && interaction.isMessageComponent()
      ? interaction.deferUpdate()
      : interaction.deferReply({ flags: how !== 'update' && how.ephemeral ? MessageFlags.Ephemeral : undefined })
  ).then(
    () => undefined,
    () => undefined,
  );
  acknowledging.set(interaction, deferring);
  return deferring;
}

/** Resolves once any defer in flight has been answered, so `deferred` can be trusted. */
export async function acknowledged(interaction: RepliableInteraction): Promise<void> {
  await acknowledging.get(interaction);
}

/**
 * A payload as the interaction's answer, pinging no one. Written field by field: on Node 20 (V8 11) an object
 * spread followed by another property, `{ ...payload, allowedMentions }`, gets a hidden class of its own every
 * time: slow to build, megamorphic wherever it is read, and garbage that reaches the old generation.
 */
function answerOf(payload: Omit<ReplyPayload, 'ephemeral'>, flags?: number): AnswerOptions {
  return { content: payload.content, embeds: payload.embeds, components: payload.components, files: payload.files, allowedMentions: noPings, flags };
}

/**
 * Sends the one answer an interaction needs, whatever state it is in:
 * a first reply, the edit of a deferred reply, or a follow-up.
 */
export function respond(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  const answer = closed.has(interaction) ? Promise.resolve(undefined) : send(interaction, payload);
  sending.set(interaction, answer);
  return answer;
}

async function send(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
  await acknowledged(interaction);
  if (closed.has(interaction)) return;
  const ephemeral = payload.ephemeral ?? false;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (interaction.deferred && !interaction.replied) {
    const deferredEphemeral = interaction.ephemeral ?? false;
    if (deferredEphemeral === ephemeral) return void (await interaction.editReply(answerOf(payload)));
    // The defer chose the wrong visibility (an error after a public defer): drop it and answer privately.
    await interaction.deleteReply().catch(() => undefined);
    return void (await interaction.followUp(answerOf(payload, flags)));
  }
  if (interaction.replied) return void (await interaction.followUp(answerOf(payload, flags)));
  // Registered as this interaction's acknowledgement while in flight: a safety-net defer firing now
  // would otherwise see neither `replied` nor `deferred` and acknowledge a second time (40060).
  const replying = interaction.reply(answerOf(payload, flags));
  acknowledging.set(interaction, replying.then(() => undefined, () => undefined));
  return replying;
}

/**
 * Replaces the message a button sits under. If building the new one runs long, the router's
 * one safety net defers, as an update of this message.
 */
export async function updateInPlace(interaction: ButtonInteraction, build: () => Promise<Omit<ReplyPayload, 'ephemeral'>>): Promise<void> {
  updatingInPlace.add(interaction);
  let payload: Omit<ReplyPayload, 'ephemeral'>;
  try {
    payload = await build();
  } finally {
    // The router's safety net may have started a defer.
    await acknowledged(interaction);
  }
  if (closed.has(interaction)) return;
  const body = answerOf(payload);
  if (interaction.deferred) {
    await interaction.editReply(body);
    return;
  }
  const updating = interaction.update(body);
  acknowledging.set(interaction, updating.then(() => undefined, () => undefined));
  await updating;
}
