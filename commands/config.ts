import { ApplicationCommandOptionType, ChannelType, type APIApplicationCommandStringOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from '../src/discord/interaction.js';
import type { InputQuoting, RecapSettingsProblem } from '../src/domain/recap-settings-input.js';
import { WEEKDAY_NAMES } from '../src/domain/weekly-settings.js';
import { changeCheckinSettings, changeRecapSettings, serverSettingsOf } from '../src/features/server-settings.js';
import { MANAGE_SERVER, requireManageServer } from '../src/discord/admin.js';
import { guildIdOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { userError, type UserFacingError } from '../src/discord/errors.js';
import { timeZoneConfirmationText } from '../src/discord/render/settings.js';
import { timezoneHintOf } from '../src/discord/timezone-hint.js';
import { readTimeZone, suggestTimeZones } from '../src/domain/timezone-input.js';
import { checkinsChangedText, configEmbed, recapChangedText } from '../src/discord/render/config.js';
import { respond } from '../src/discord/reply.js';
import { translatorFor } from '../src/discord/locale.js';
import { chooseRecapLocale } from '../src/features/locales.js';
import { LANGUAGE_NAMES, LOCALES, localeOf, type Translator } from '../src/i18n/index.js';

const dayOption = (description: string): APIApplicationCommandStringOption => ({
  type: ApplicationCommandOptionType.String,
  name: 'day',
  description,
  choices: WEEKDAY_NAMES.map((name) => ({ name, value: name })),
});

export const data = {
  name: 'config',
  description: 'Where and when Small Wins posts in this server (Manage Server)',
  default_member_permissions: MANAGE_SERVER,
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'recap',
      description: 'Where and when the weekly recap is posted',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'The channel for the recap', channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] },
        dayOption('Day of the recap (default monday)'),
        { type: ApplicationCommandOptionType.String, name: 'time', description: 'Local time, 24 h HH:MM (default 09:00)', min_length: 3, max_length: 5 },
        { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'The server’s timezone (default UTC)', autocomplete: true, max_length: 64 },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'checkins',
      description: 'Partner pairing and mid-week check-in prompts',
      options: [
        { type: ApplicationCommandOptionType.Boolean, name: 'enabled', description: 'On or off', required: true },
        dayOption('Day of the check-in prompt (default thursday)'),
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Current settings, the next recap, and any delivery problem' },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'language',
      description: 'The language of the server’s recap',
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'language',
          description: 'Language (default: the server’s Discord language)',
          required: true,
          choices: [{ name: 'the server’s Discord language', value: 'auto' }, ...LOCALES.map((locale) => ({ name: LANGUAGE_NAMES[locale], value: locale }))],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const quote = (s: string): string => `\`${s.replace(/`/g, "'").slice(0, 64)}\``;
const discordQuoting: InputQuoting = { typed: quote, code: quote, pickChannel: 'Pick a channel for the recap: `/config recap channel: #wins`.' };
/** The domain's refusal, said in the admin's language (the domain words it in English for every surface). */
function problemOf(problem: RecapSettingsProblem, input: { time?: string | null; timezone?: string | null }): UserFacingError {
  switch (problem.code) {
    case 'config-time':
      return userError(problem.code, 'error.config-time', { typed: quote(String(input.time).slice(0, 20)) });
    case 'config-timezone': {
      // The domain refuses only a timezone it cannot read; should that ever change, the refusal still speaks the admin's language.
      const reading = readTimeZone(input.timezone ?? '');
      const hint = reading.kind === 'unknown' ? timezoneHintOf(reading) : '';
      return userError(problem.code, 'error.config-timezone', { typed: quote(reading.typed), hint });
    }
    default:
      return userError(problem.code, `error.${problem.code}`);
  }
}

/** What a typed timezone was read as, in the admin's language; undefined when nothing is worth saying. */
function timezoneNoteOf(raw: string | null, tr: Translator): string | undefined {
  if (raw === null) return undefined;
  const reading = readTimeZone(raw);
  return reading.kind === 'zone' ? timeZoneConfirmationText(reading, tr) || undefined : undefined;
}

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async recap(interaction, deps) {
    const input = {
      channelId: interaction.options.getChannel('channel')?.id ?? null,
      day: interaction.options.getString('day'),
      time: interaction.options.getString('time'),
      timezone: interaction.options.getString('timezone'),
    };
    const change = await changeRecapSettings(deps, guildIdOf(interaction), input, discordQuoting);
    if (!change.ok) throw problemOf(change.problem, input);
    const tr = translatorFor(interaction);
    const content = recapChangedText({ ...change, timezoneNote: timezoneNoteOf(input.timezone, tr) }, tr);
    await respond(interaction, { ephemeral: true, content, embeds: [configEmbed(change.saved, deps.clock.now(), tr)] });
  },
  async checkins(interaction, deps) {
    const input = { enabled: interaction.options.getBoolean('enabled', true), day: interaction.options.getString('day') };
    const change = await changeCheckinSettings(deps, guildIdOf(interaction), input, discordQuoting);
    if (!change.ok) throw problemOf(change.problem, {});
    const tr = translatorFor(interaction);
    await respond(interaction, { ephemeral: true, content: checkinsChangedText(change.saved, tr), embeds: [configEmbed(change.saved, deps.clock.now(), tr)] });
  },
  async language(interaction, deps) {
    const chosen = interaction.options.getString('language', true);
    const locale = LOCALES.find((one) => one === chosen);
    if (chosen !== 'auto' && locale === undefined) throw userError('language-unknown', 'error.language-unknown', { languages: LOCALES.join(', ') });
    await chooseRecapLocale(deps, guildIdOf(interaction), locale ?? null);
    const tr = translatorFor(interaction);
    const content = locale
      ? tr.t('config.language.saved', { language: LANGUAGE_NAMES[locale] })
      : tr.t('config.language.auto', { language: LANGUAGE_NAMES[localeOf(interaction.guildLocale)] });
    await respond(interaction, { ephemeral: true, content });
  },
  async show(interaction, deps) {
    await respond(interaction, { ephemeral: true, embeds: [configEmbed(await serverSettingsOf(deps, guildIdOf(interaction)), deps.clock.now(), translatorFor(interaction))] });
  },
};

export const config: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.getSubcommand(false) === 'show',
  async execute(interaction, deps) {
    requireManageServer(interaction);
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw userError('unknown-subcommand', 'error.unknown-subcommand', { command: 'config' });
    await run(interaction, deps);
  },
  async autocomplete(interaction) {
    const typed = String(interaction.options.getFocused());
    // What `/config recap` accepts (an abbreviation, an offset, a city) is offered as the zone it is read as.
    const zones = suggestTimeZones(typed, 26)
      .flatMap((s) => (s.kind === 'zone' ? [s.zone] : []))
      .slice(0, 25);
    await interaction.respond(zones.map((zone) => ({ name: zone, value: zone })));
  },
};
