import { ApplicationCommandType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { logWin } from '../src/features/wins.js';
import { memberKeyOf, type MessageMenuCommand } from '../src/discord/command.js';
import { winRefusalError } from '../src/discord/render/win-refusal.js';
import { replyToWin } from '../src/discord/win-reply.js';

export const data = {
  name: 'Log as my win',
  type: ApplicationCommandType.Message,
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIContextMenuApplicationCommandsJSONBody;

export const logAsWin: MessageMenuCommand = {
  kind: 'message-menu',
  data,
  ephemeral: false,
  async execute(interaction, deps) {
    const target = interaction.targetMessage;
    const message = { id: target.id, authorId: target.author.id, content: target.content, createdAt: new Date(target.createdTimestamp) };
    const result = await logWin(deps, { key: memberKeyOf(interaction), channelId: interaction.channelId ?? undefined, interactionId: interaction.id, source: { kind: 'message', message } });
    if (!result.ok) throw winRefusalError(result.refusal);
    await replyToWin(interaction, result.logged);
  },
};
