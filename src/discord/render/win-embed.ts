import type { APIEmbed } from 'discord-api-types/v10';
import { publicMemberText } from '../../domain/member-text.js';
import { palette } from './palette.js';


export interface WinEmbedInput {
  userId: string;
  text: string;
  title: string;
  adds: string;
  isPrivate: boolean;
}

/**
 * Block-quotes the member's words so they read as theirs; their markdown stays as written, except
 * what could mislead others: bidi overrides go, and masked links show their real URL.
 */
export function quote(text: string): string {
  return publicMemberText(text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

export function winEmbed(input: WinEmbedInput): APIEmbed {
  return {
    color: palette.embed,
    title: input.title,
    description: `<@${input.userId}> logged a win:\n${quote(input.text)}\n\n${input.adds}`,
    footer: input.isPrivate
      ? { text: '🔒 Private: only you can see this win. It never appears in recaps.' }
      : { text: 'Every size counts.' },
  };
}
