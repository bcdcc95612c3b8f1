import { english, type Translator } from '../../i18n/index.js';

/** A Discord message body (API field names), ready to post or DM. */
export interface OutgoingMessage {
  content?: string;
  embeds?: {
    title?: string;
    description?: string;
    color?: number;
    fields?: { name: string; value: string; inline?: boolean }[];
    footer?: { text: string };
    timestamp?: string;
  }[];
  allowed_mentions: { parse: ('users' | 'roles' | 'everyone')[]; users?: string[]; roles?: string[] };
}

export type OutgoingEmbed = NonNullable<OutgoingMessage['embeds']>[number];
export type OutgoingField = NonNullable<OutgoingEmbed['fields']>[number];

const SNOWFLAKE = /^\d{1,20}$/;

export function isSnowflake(id: string): boolean {
  return SNOWFLAKE.test(id);
}

/** A rendered mention for a Discord user id (it pings only if `allowed_mentions` lets it); "A member", in the reader's words, for anything else. */
export function mentionOf(userId: string, tr: Translator = english): string {
  return isSnowflake(userId) ? `<@${userId}>` : tr.t('common.aMember');
}
