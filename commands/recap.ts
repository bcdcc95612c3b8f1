import { ApplicationCommandOptionType, type APIEmbed, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { MANAGE_SERVER, requireManageServer } from '../src/discord/admin.js';
import { guildIdOf, type ChatInputCommand } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { renderRecapPost } from '../src/discord/render/recap.js';
import { respond } from '../src/discord/reply.js';
import { serverLocaleOf } from '../src/db/locales.js';
import { localeOf, translator } from '../src/i18n/index.js';
import { recapPreview } from '../src/features/recap.js';

export const data = {
  name: 'recap',
  description: 'The weekly recap (Manage Server)',
  default_member_permissions: MANAGE_SERVER,
  contexts: [0],
  integration_types: [0],
  options: [{ type: ApplicationCommandOptionType.Subcommand, name: 'preview', description: 'This week’s recap as it would look now, only for you' }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const recap: ChatInputCommand = {
  kind: 'chat-input',
  data,
  // A preview only reads: with the database away it could not look, and nothing was lost.
  readOnly: true,
  async execute(interaction, { db, clock }) {
    requireManageServer(interaction);
    if (interaction.options.getSubcommand() !== 'preview') throw userError('unknown-subcommand', 'error.unknown-subcommand', { command: 'recap' });
    // Rendered exactly as the post will be, so the preview shows what would be posted.
    // In the language the post will speak: the server's, not the admin's.
    const guildId = guildIdOf(interaction);
    const tr = translator(localeOf((await serverLocaleOf(db, guildId)) ?? interaction.guildLocale));
    const message = renderRecapPost(await recapPreview({ db }, guildId, clock.now()), tr);
    await respond(interaction, {
      ephemeral: true,
      content: `${message.content ? `${message.content}\n` : ''}${translatorFor(interaction).t('recap.previewNote')}`,
      embeds: (message.embeds ?? []) as APIEmbed[],
    });
  },
};
