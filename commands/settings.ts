import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { memberSettings, updateMemberSettings, type MemberSettings } from '../src/db/members.js';
import { activePause } from '../src/db/pauses.js';
import type { Pause } from '../src/db/schema.js';
import { describeLocalTime } from '../src/domain/pause.js';
import { describePause } from '../src/discord/render/pause.js';
import { readTimeZone, searchTimeZones, timeZoneConfirmation, unknownTimeZoneHint, type TimeZoneReading } from '../src/domain/time.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { respond } from '../src/discord/reply.js';

const TIMEZONE_MAX = 64;
const MAX_CHOICES = 25;
const SERVER_WORDS = new Set(['server', 'default', 'reset', "server's", 'server default']);
const SERVER_CHOICE = { name: "Use the server's timezone", value: 'server' };

export const data = {
  name: 'settings',
  description: 'Your personal settings here: timezone and DMs. With no options, shows them.',
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
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type TimezoneChoice = { kind: 'server' } | (TimeZoneReading & { kind: 'zone' });

const quote = (s: string): string => `\`${s.replace(/`/g, "'").slice(0, TIMEZONE_MAX)}\``;

function parseTimezone(raw: string): TimezoneChoice {
  const typed = raw.trim();
  if (SERVER_WORDS.has(typed.toLowerCase())) return { kind: 'server' };
  const reading = readTimeZone(typed);
  if (reading.kind === 'zone') return reading;
  throw new UserFacingError(
    'timezone-unknown',
    `I don't know a timezone called ${quote(typed)}. ${unknownTimeZoneHint(reading, quote)} (Or use \`server\` to follow the server's timezone.)`,
  );
}

function describeTimezoneChange(choice: TimezoneChoice, serverTimezone: string, now: Date): string {
  if (choice.kind === 'server') {
    return `Your days now follow the server's timezone, ${serverTimezone} (it's ${describeLocalTime(serverTimezone, now)} there).`;
  }
  const confirmation = timeZoneConfirmation(choice, quote);
  return `Your days now run on ${choice.zone} time (it's ${describeLocalTime(choice.zone, now)} there).${confirmation ? ` ${confirmation}` : ''}`;
}

const DMS_ON =
  "DMs are on. I'll only DM you for check-in prompts and your personal weekly recap — nothing else.";
const DMS_OFF = "DMs are off. I won't message you privately; everything stays here in the server.";

function currentSettings(settings: MemberSettings, pause: Pause | undefined, now: Date): string {
  const whose = settings.ownTimezone === null ? "the server's" : 'your own';
  return [
    '**Your settings here**',
    `🕰️ Timezone: **${settings.timezone}** (${whose}) — it's ${describeLocalTime(settings.timezone, now)} for you.`,
    settings.dms
      ? '✉️ DMs: **on** — check-in prompts and your personal weekly recap come by DM.'
      : '✉️ DMs: **off** — `/settings dms: true` for check-in prompts and a personal weekly recap by DM.',
    pause ? `🌴 Pause: ${describePause(settings.timezone, pause)}.` : '🌱 Pause: not paused.',
    '',
    'Change them with `/settings timezone:` and `/settings dms:`.',
  ].join('\n');
}

export const settings: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    const rawTimezone = interaction.options.getString('timezone');
    const dms = interaction.options.getBoolean('dms');
    // Check everything before changing anything, so a refusal leaves the settings as they were.
    const timezone = rawTimezone === null ? null : parseTimezone(rawTimezone);

    const content = await (async () => {
      const now = clock.now();
      if (timezone === null && dms === null) {
        const [current, pause] = await Promise.all([memberSettings(db, key), activePause(db, key, now)]);
        return currentSettings(current, pause, now);
      }
      const change = {
        timezone: timezone === null ? undefined : timezone.kind === 'server' ? null : timezone.zone,
        dms: dms ?? undefined,
      };
      await updateMemberSettings(db, key, change, now);
      const lines: string[] = [];
      if (timezone !== null) lines.push(describeTimezoneChange(timezone, (await memberSettings(db, key)).serverTimezone, now));
      if (dms !== null) lines.push(dms ? DMS_ON : DMS_OFF);
      return lines.join('\n');
    })();
    await respond(interaction, { content, ephemeral: true });
  },
  // Pure and in memory: autocomplete must answer within 3 s and may not be deferred.
  async autocomplete(interaction, { clock }) {
    const typed = String(interaction.options.getFocused()).trim();
    const now = clock.now();
    const offerServer = typed === '' || [...SERVER_WORDS].some((word) => word.startsWith(typed.toLowerCase()));
    const zones = searchTimeZones(typed.slice(0, TIMEZONE_MAX), offerServer ? MAX_CHOICES - 1 : MAX_CHOICES);
    const choices = zones.map((zone) => ({ name: `${zone} (${describeLocalTime(zone, now)} now)`, value: zone }));
    await interaction.respond(offerServer ? [SERVER_CHOICE, ...choices] : choices);
  },
};
