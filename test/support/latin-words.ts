import type { StoredMessage } from '../../src/sandbox/types.js';

/** Every word a message says in Latin letters, leaving out what is not the bot's wording (code, mentions, the member's words, a timezone). */
export function latinWords(message: Pick<StoredMessage, 'content' | 'embeds'> | undefined, allowed: readonly string[] = []): string[] {
  const parts = [message?.content ?? ''];
  for (const embed of message?.embeds ?? []) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  let text = parts.join('\n').replace(/`[^`]*`/g, ' ').replace(/<@\d+>/g, ' ');
  for (const words of allowed) text = text.split(words).join(' ');
  return text.match(/[A-Za-z]{2,}/g) ?? [];
}
