import type { APIEmbed } from 'discord.js';

export const WIN_COLOUR = 0x57f287;

export interface WinEmbedInput {
  userId: string;
  text: string;
  title: string;
  adds: string;
  isPrivate: boolean;
}

/** Block-quotes the member's words so they read as theirs; their markdown stays as written. */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export function winEmbed(input: WinEmbedInput): APIEmbed {
  return {
    color: WIN_COLOUR,
    title: input.title,
    description: `<@${input.userId}> logged a win:\n${quote(input.text)}\n\n${input.adds}`,
    footer: input.isPrivate
      ? { text: '🔒 Private: only you can see this win. It never appears in recaps.' }
      : { text: 'Every size counts.' },
  };
}
