import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { rememberOne } from '../src/features/remember.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { rememberNudge, remembranceEmbed } from '../src/discord/render/remembrance.js';
import { translatorFor } from '../src/discord/locale.js';
import { respond } from '../src/discord/reply.js';

export const data = {
  name: 'remember',
  description: 'Bring back one of your past wins. Only you see it.',
  // Also a member's own install: in DMs and in servers without the bot, counted in their home server (SPEC §11).
  integration_types: [0, 1],
  contexts: [0, 1, 2],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const remember: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const found = await rememberOne(deps, memberKeyOf(interaction));
    if (found.kind === 'none') {
      await respond(interaction, { content: rememberNudge(found.hasAnyWin, translatorFor(interaction)), ephemeral: true });
      return;
    }
    const { win, timezone, now } = found;
    const embed = remembranceEmbed({ kind: found.remembrance, winId: win.id, text: win.text, isPrivate: win.isPrivate, occurredAt: win.occurredAt, timezone, now }, translatorFor(interaction));
    await respond(interaction, { embeds: [embed], ephemeral: true });
  },
};
