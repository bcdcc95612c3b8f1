import type { InteractionResult, StoredMessage } from '../../src/sandbox/index.js';

/** Everything the member saw in answer to one interaction (the original response and follow-ups). */
export function answerText(result: InteractionResult): string {
  const messages: StoredMessage[] = [...(result.message && !result.message.deleted ? [result.message] : []), ...result.followUps];
  return messages.map((m) => [m.content, ...m.embeds.map((e) => `${e.title ?? ''} ${e.description ?? ''}`)].join(' ')).join('\n');
}

/** A /win the member was told is saved: a celebration embed carrying its text. */
export function acknowledgedWin(result: InteractionResult, text: string): boolean {
  const messages = [...(result.message && !result.message.deleted ? [result.message] : []), ...result.followUps];
  return messages.some((m) => m.embeds.some((e) => (e.description ?? '').includes(text)));
}
