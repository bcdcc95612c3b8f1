import type { APIEmbed } from 'discord-api-types/v10';
import { publicMemberText } from '../../domain/member-text.js';
import { english, type Translator } from '../../i18n/index.js';
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

export function winEmbed(input: WinEmbedInput, tr: Translator = english): APIEmbed {
  return {
    color: palette.embed,
    title: input.title,
    description: `${tr.t('win.embed.intro', { member: `<@${input.userId}>` })}\n${quote(input.text)}\n\n${input.adds}`,
    footer: { text: tr.t(input.isPrivate ? 'win.footer.private' : 'win.footer.public') },
  };
}
