import { DiscordAPIError, type REST } from './rest.js';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { Removal } from '../features/wins-list.js';
import { english, type Translator } from '../i18n/index.js';

/**
 * Deletes one of the bot's own public messages (a win's celebration), so "gone for good" is true.
 * Already deleted (by a moderator, or the channel with it) counts as done.
 */
export async function removePublicMessage(rest: REST, channelId: string, messageId: string): Promise<Removal> {
  try {
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
