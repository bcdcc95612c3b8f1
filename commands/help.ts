import { PermissionFlagsBits, type APIEmbedField, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommand } from '../src/discord/command.js';
import { respond } from '../src/discord/reply.js';
import { palette } from '../src/discord/render/palette.js';
import { translatorFor } from '../src/discord/locale.js';
import type { Translator } from '../src/i18n/index.js';

export const data = {
  name: 'help',
  description: 'What Small Wins is for, and how to use it.',
  contexts: [0],
  integration_types: [0],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

// The overview's paragraphs, in order: each a message in the catalogue, said in the reader's language.
const OVERVIEW = [
  'help.intro',
  'help.win',
  'help.goals',
  'help.lookBack',
  'help.together',
  'help.partners',
  'help.rest',
  'help.role',
  'help.anywhere',
  'help.data',
  'help.closing',
] as const;

const overview = (tr: Translator): string => OVERVIEW.map((key) => tr.t(key)).join('\n\n');

// Shown only to members who can manage the server: the commands Discord shows them alone.
const adminSection = (tr: Translator): APIEmbedField => ({ name: tr.t('help.admin.title'), value: tr.t('help.admin.body') });

export const help: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction) {
    const tr = translatorFor(interaction);
    await respond(interaction, {
      ephemeral: true,
      embeds: [
        {
          title: tr.t('help.title'),
          description: overview(tr),
          color: palette.embed,
          fields: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? [adminSection(tr)] : [],
          footer: { text: tr.t('help.footer') },
        },
      ],
    });
  },
};
