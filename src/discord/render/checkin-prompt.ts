import { english, type Translator } from '../../i18n/index.js';
import type { OutgoingMessage } from './outgoing.js';

/** The mid-week check-in prompt by DM (SPEC §5), in the member's language. */
export function checkinPromptMessage(tr: Translator = english): OutgoingMessage {
  return { content: tr.t('checkin.prompt'), allowed_mentions: { parse: [] } };
}
