import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { describeLocalTime } from '../src/domain/pause.js';
import { readTimeZoneSetting, suggestTimeZones, unknownTimeZoneHint } from '../src/domain/timezone-input.js';
import { changeSettings, settingsOf, type TimeZoneChoice } from '../src/features/settings.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { currentSettingsText, quoteTyped, settingsChangedText, TIMEZONE_MAX } from '../src/discord/render/settings.js';
import { respond } from '../src/discord/reply.js';

const MAX_CHOICES = 25;
const SERVER_CHOICE = { name: "Use the server's timezone", value: 'server' };

export const data = {
  name: 'settings',
  description: 'Your personal settings here: timezone, DMs and fresh starts. With no options, shows them.',
  contexts: [0],
  integration_types: [0],
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
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function parseTimezone(raw: string): TimeZoneChoice {
  const reading = readTimeZoneSetting(raw);
  if (reading.kind !== 'unknown') return reading;
  throw new UserFacingError(
    'timezone-unknown',
    `I don't know a timezone called ${quoteTyped(reading.typed)}. ${unknownTimeZoneHint(reading, quoteTyped)} (Or use \`server\` to follow the server's timezone.)`,
  );
}

export const settings: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.data.length === 0,
  async execute(interaction, deps) {
    const key = memberKeyOf(interaction);
    const rawTimezone = interaction.options.getString('timezone');
    const dms = interaction.options.getBoolean('dms') ?? undefined;
    const freshStart = interaction.options.getBoolean('fresh-start') ?? undefined;
    // Check everything before changing anything, so a refusal leaves the settings as they were.
    const timezone = rawTimezone === null ? undefined : parseTimezone(rawTimezone);
    if (timezone === undefined && dms === undefined && freshStart === undefined) {
      await respond(interaction, { content: currentSettingsText(await settingsOf(deps, key)), ephemeral: true });
      return;
    }
    const changed = await changeSettings(deps, key, { timezone, dms, freshStart });
    await respond(interaction, { content: settingsChangedText(timezone, dms, changed, freshStart), ephemeral: true });
  },
  // Pure and in memory: autocomplete must answer within 3 s and may not be deferred.
  async autocomplete(interaction, { clock }) {
    const typed = String(interaction.options.getFocused()).slice(0, TIMEZONE_MAX);
    const now = clock.now();
    const choices = suggestTimeZones(typed, MAX_CHOICES).map((s) =>
      s.kind === 'server'
        ? SERVER_CHOICE
        : { name: `${s.zone}${s.meaning ? `: ${s.meaning}` : ''} (${describeLocalTime(s.zone, now)} now)`, value: s.zone },
    );
    await interaction.respond(choices);
  },
};
