import type { OutgoingMessage } from './recap/types.js';

/**
 * A recap names its week in its footer ("Small Wins · week 2026-W48"), so a process that takes
 * over an abandoned run can tell whether the recap already went out before posting it again.
 */
export function recapMarker(weekKey: string): string {
  return `Small Wins · week ${weekKey}`;
}

/** The message with the week's marker in its first embed's footer (or, without embeds, its content). */
export function withWeekMarker(message: OutgoingMessage, weekKey: string): OutgoingMessage {
  const marker = recapMarker(weekKey);
  const [first, ...rest] = message.embeds ?? [];
  if (!first) return { ...message, content: message.content ? `${message.content}\n-# ${marker}` : `-# ${marker}` };
  if (first.footer?.text.includes(marker)) return message;
  const footer = first.footer?.text ? `${first.footer.text}\n${marker}` : marker;
  return { ...message, embeds: [{ ...first, footer: { text: footer } }, ...rest] };
}

/** Whether one of the bot's messages is the recap of that week. */
export function isRecapOfWeek(message: { content: string; footers: readonly string[] }, weekKey: string): boolean {
  const marker = recapMarker(weekKey);
  return message.content.includes(marker) || message.footers.some((footer) => footer.includes(marker));
}
