import { DiscordAPIError, type REST } from './rest.js';
import { RESTJSONErrorCodes, Routes, type APIMessage } from 'discord-api-types/v10';
import type { CelebrationPlace, Removal } from '../features/wins-list.js';
import { english, type Translator } from '../i18n/index.js';

/** Messages read per page, and pages read, looking for a celebration after its interaction. */
const PAGE = 100;
const PAGES = 3;

/**
 * The message that answered this interaction in the channel. Its id is a snowflake taken after the
 * interaction's, and the answer comes within seconds: so it is among the first messages after the
 * interaction's id, and carries that id in its `interaction_metadata`.
 */
async function findAnswer(rest: REST, channelId: string, interactionId: string): Promise<string | undefined> {
  let after = interactionId;
  for (let page = 0; page < PAGES; page++) {
    const messages = (await rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ after, limit: String(PAGE) }) })) as APIMessage[];
    const answers = messages.filter((m) => (m.interaction_metadata?.id ?? m.interaction?.id) === interactionId);
    // The first one is the answer; later ones would be public follow-ups.
    if (answers.length > 0) return answers.reduce((a, b) => (BigInt(a.id) < BigInt(b.id) ? a : b)).id;
    if (messages.length < PAGE) return undefined;
    after = messages.reduce((a, b) => (BigInt(a.id) > BigInt(b.id) ? a : b)).id;
  }
  return undefined;
}

/**
 * Deletes a win's public celebration, one of the bot's own messages, so "gone for good" is true.
 * The message is found by the interaction it answered (rows from before that keep its id).
 * Already deleted (by a moderator, or the channel with it) counts as done.
 */
export async function removeCelebration(rest: REST, place: CelebrationPlace): Promise<Removal> {
  const { channelId } = place;
  try {
    const messageId = place.messageId ?? (place.interactionId ? await findAnswer(rest, channelId, place.interactionId) : undefined);
    if (!messageId) return 'already-gone';
    await rest.delete(Routes.channelMessage(channelId, messageId));
    return 'removed';
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    if (error.code === RESTJSONErrorCodes.UnknownMessage || error.code === RESTJSONErrorCodes.UnknownChannel) return 'already-gone';
    if (error.status === 403) return 'not-allowed';
    throw error;
  }
}

/** What the member is told about the public message, after the win itself is gone. */
export function removalNote(removal: Removal | undefined, channelId: string | null, tr: Translator = english): string {
  if (removal === 'removed') return ` ${tr.t('wins.removal.removed')}`;
  if (removal === 'not-allowed' && channelId) return ` ${tr.t('wins.removal.notAllowed', { channel: `<#${channelId}>` })}`;
  return '';
}
