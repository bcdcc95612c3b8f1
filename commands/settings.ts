import { ApplicationCommandOptionType, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { chooseHome, sharedServers } from '../src/features/member-home.js';
import type { AutocompleteInteraction } from '../src/discord/interaction.js';
import { timezoneHintOf } from '../src/discord/timezone-hint.js';
import { readTimeZoneSetting, suggestTimeZones } from '../src/domain/timezone-input.js';
import { changeSettings, settingsOf, type TimeZoneChoice } from '../src/features/settings.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { localTimeWords } from '../src/discord/render/pause.js';
import { currentSettingsText, quoteTyped, settingsChangedText, TIMEZONE_MAX } from '../src/discord/render/settings.js';
import { respond } from '../src/discord/reply.js';

const MAX_CHOICES = 25;
// A Discord id: at most 20 digits.
const HOME_ID_MAX = 20;

const notYourServer = userError('home-not-shared', 'home.notShared');

export const data = {
  name: 'settings',
  description: 'Your personal settings here: timezone, DMs and fresh starts. With no options, shows them.',
  // Also a member's own install: in DMs and in servers without the bot, counted in their home server (SPEC §11).
  integration_types: [0, 1],
  contexts: [0, 1, 2],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'timezone',
      description: 'Where your days begin and end, e.g. Europe/Paris (or "server" for the server\'s)',
      autocomplete: true,
      max_length: TIMEZONE_MAX,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'dms',
      description: 'Check-in prompts and your personal weekly recap by DM',
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'fresh-start',
      description: 'A line by DM on the first morning of each week and month: last week, and one small goal',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'home',
      description: 'The server where wins from DMs and other servers count (one you share with me)',
      autocomplete: true,
      max_length: HOME_ID_MAX,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function parseTimezone(raw: string): TimeZoneChoice {
  const reading = readTimeZoneSetting(raw);
  if (reading.kind !== 'unknown') return reading;
  // The hint is a sentence of its own, said in each reader's language by the error's message.
  throw userError('timezone-unknown', 'error.timezone-unknown', { typed: quoteTyped(reading.typed), hint: timezoneHintOf(reading) });
}

export const settings: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.data.length === 0,
  async execute(interaction, deps) {
    const home = interaction.options.getString('home');
    if (home !== null) {
      if (!/^\d{1,20}$/.test(home) || !(await chooseHome(deps, interaction.user.id, home))) throw notYourServer;
      // The other settings given with it apply in the new home.
      interaction.actInHome(home);
      if (interaction.options.data.length === 1) {
        await respond(interaction, { content: translatorFor(interaction).t('home.set'), ephemeral: true });
        return;
      }
    }
    const key = memberKeyOf(interaction);
    const rawTimezone = interaction.options.getString('timezone');
    const dms = interaction.options.getBoolean('dms') ?? undefined;
    const freshStart = interaction.options.getBoolean('fresh-start') ?? undefined;
    // Check everything before changing anything, so a refusal leaves the settings as they were.
    const timezone = rawTimezone === null ? undefined : parseTimezone(rawTimezone);
    if (timezone === undefined && dms === undefined && freshStart === undefined) {
      await respond(interaction, { content: currentSettingsText(await settingsOf(deps, key), translatorFor(interaction)), ephemeral: true });
      return;
    }
    const changed = await changeSettings(deps, key, { timezone, dms, freshStart });
    await respond(interaction, { content: settingsChangedText(timezone, dms, changed, freshStart, translatorFor(interaction)), ephemeral: true });
  },
  // Pure and in memory: autocomplete must answer within 3 s and may not be deferred.
  async autocomplete(interaction, deps) {
    if (interaction.options.getFocused(true).name === 'home') return homeChoices(interaction, deps);
    const { clock } = deps;
    const typed = String(interaction.options.getFocused()).slice(0, TIMEZONE_MAX);
    const now = clock.now();
    const tr = translatorFor(interaction);
    const choices = suggestTimeZones(typed, MAX_CHOICES).map((s) =>
      s.kind === 'server'
        ? { name: tr.t('settings.serverChoice'), value: 'server' }
        : { name: tr.t('settings.zoneChoice', { zone: s.zone, meaning: s.meaning ? `: ${s.meaning}` : '', time: localTimeWords(s.zone, now, tr) }).slice(0, 100), value: s.zone },
    );
    await interaction.respond(choices);
  },
};

/** The servers the member shares with the bot, by name (the id when Discord will not say), filtered by what was typed. */
async function homeChoices(interaction: AutocompleteInteraction, deps: Parameters<NonNullable<ChatInputCommand['autocomplete']>>[1]): Promise<void> {
  const typed = String(interaction.options.getFocused()).toLowerCase();
  const ids = await sharedServers(deps, interaction.user.id, MAX_CHOICES);
  const named = await Promise.all(
    ids.map(async (id) => {
      try {
        const guild = (await interaction.rest.get(Routes.guild(id))) as { name?: string };
        return { name: (guild.name ?? id).slice(0, 100), value: id };
      } catch {
        return { name: id, value: id };
      }
    }),
  );
  await interaction.respond(named.filter((c) => typed === '' || c.name.toLowerCase().includes(typed) || c.value.startsWith(typed)));
}
