import { msg, type Msg, type MsgValue } from '../domain/message.js';
import { english, type Translator } from '../i18n/index.js';

/** An expected refusal: its message is written for the member and shown to them ephemerally, in their language. */
export class UserFacingError extends Error {
  override name = 'UserFacingError';

  constructor(
    readonly reason: string,
    message: string,
    /** The catalogue message it says, and text to add as is (the member's own words given back). */
    readonly said?: { message: Msg; suffix?: string | undefined },
  ) {
    super(message);
  }

  /** The message in the reader's language; English when it was written without a catalogue key. */
  inLanguage(tr: Translator): string {
    return this.said ? tr.say(this.said.message) + (this.said.suffix ?? '') : this.message;
  }
}

/** A refusal from the catalogue (`key`), with the member's words given back after it when `suffix` is set. */
export function userError(reason: string, key: string, values?: Readonly<Record<string, MsgValue>>, suffix?: string): UserFacingError {
  const message = msg(key, values);
  return new UserFacingError(reason, english.say(message) + (suffix ?? ''), { message, suffix });
}
