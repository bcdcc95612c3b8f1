import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { activeGoals } from '../src/db/goals.js';
import { WIN_TEXT_MAX } from '../src/domain/win-input.js';
import { whenChoices } from '../src/domain/when-choices.js';
import { timezoneOf } from '../src/features/member-time.js';
import { logWin } from '../src/features/wins.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { goalChoices } from '../src/discord/goal-option.js';
import { replyToWin } from '../src/discord/win-reply.js';
import { translatorFor } from '../src/discord/locale.js';
import { winRefusalError } from '../src/discord/render/win-refusal.js';

export const data = {
  name: 'win',
  description: 'Log a small win. Every size counts.',
  // Also a member's own install: in DMs and in servers without the bot, counted in their home server (SPEC §11).
  integration_types: [0, 1],
  contexts: [0, 1, 2],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'text',
      description: 'What did you do? A few words is plenty.',
      required: true,
      min_length: 1,
      max_length: WIN_TEXT_MAX,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Keep this win to yourself (it never appears in public or in recaps).',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'goal',
      description: 'Count it toward one of your goals',
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'when',
      description: 'today (default), yesterday, or a date YYYY-MM-DD up to 14 days back',
      autocomplete: true,
      max_length: 10,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const win: ChatInputCommand = {
  kind: 'chat-input',
  data,
  // From a DM or a server without the bot the answer is private: nothing is ever posted there (SPEC §11).
  ephemeral: (interaction) => !interaction.installedInGuild || (interaction.options.getBoolean('private') ?? false),
  async execute(interaction, deps) {
    const source = {
      kind: 'command' as const,
      text: interaction.options.getString('text'),
      // Counted in the home server: private there unless the member says otherwise (SPEC §11).
      isPrivate: interaction.options.getBoolean('private') ?? interaction.actingInHome,
      when: interaction.options.getString('when'),
      goal: interaction.options.getString('goal'),
    };
    // From elsewhere only the member's language is theirs to remember, not that server's.
    const locales = { member: interaction.locale ?? null, guild: interaction.actingInHome ? null : (interaction.guildLocale ?? null) };
    const result = await logWin(deps, { key: memberKeyOf(interaction), channelId: interaction.actingInHome ? undefined : (interaction.channelId ?? undefined), interactionId: interaction.id, source, locales });
    if (!result.ok) throw winRefusalError(result.refusal);
    // The member's language went with the win (and the server's with its first row); see src/db/record-win.ts.
    interaction.languagesRemembered = true;
    await replyToWin(interaction, result.logged);
  },
  async autocomplete(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    if (interaction.options.getFocused(true).name === 'goal') {
      await interaction.respond(goalChoices(await activeGoals(db, key), String(interaction.options.getFocused()), translatorFor(interaction)));
      return;
    }
    const timezone = await timezoneOf(db, key);
    await interaction.respond(whenChoices(String(interaction.options.getFocused()), timezone, clock.now(), translatorFor(interaction).locale));
  },
};
