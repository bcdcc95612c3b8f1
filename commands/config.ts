import { ApplicationCommandOptionType, ChannelType, type APIApplicationCommandStringOption, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { guildSettings, saveCheckinSettings, saveRecapSettings } from '../src/db/guild-settings.js';
import { recentRecapWeeks } from '../src/db/recap.js';
import { nextRecapToPost } from '../src/domain/recap/weeks.js';
import { nextRecapAt } from '../src/domain/schedule.js';
import { formatDayMonthYear } from '../src/domain/date-format.js';
import { readDayOr, readRecapSettings, weekdayProblem, type InputQuoting, type RecapSettingsProblem } from '../src/domain/recap-settings-input.js';
import { localDateOf, searchTimeZones } from '../src/domain/time.js';
import { WEEKDAY_NAMES, weekdayName } from '../src/domain/weekly-settings.js';
import { MANAGE_SERVER, requireManageServer } from '../src/discord/admin.js';
import { guildIdOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { configEmbed } from '../src/discord/render/config.js';
import { respond } from '../src/discord/reply.js';

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
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function readDay(interaction: ChatInputCommandInteraction, fallback: number): number {
  const day = readDayOr(interaction.options.getString('day'), fallback);
  if (day === undefined) throw problemOf(weekdayProblem(discordQuoting));
  return day;
}

const quote = (s: string): string => `\`${s.replace(/`/g, "'").slice(0, 64)}\``;
const discordQuoting: InputQuoting = { typed: quote, code: quote, pickChannel: 'Pick a channel for the recap: `/config recap channel: #wins`.' };
const problemOf = (problem: RecapSettingsProblem) => new UserFacingError(problem.code, problem.message);

async function recap(interaction: ChatInputCommandInteraction, { db, clock }: Deps) {
  const now = clock.now();
  const current = await guildSettings(db, guildIdOf(interaction), now);
  const input = {
    channelId: interaction.options.getChannel('channel')?.id ?? null,
    day: interaction.options.getString('day'),
    time: interaction.options.getString('time'),
    timezone: interaction.options.getString('timezone'),
  };
  const read = readRecapSettings(current, input, discordQuoting);
  if (!read.ok) throw problemOf(read.problem);
  const { channelId, recapDay, recapTime: time, timezone, timezoneNote } = read.value;
  const schedule = { day: recapDay, time, timezone };
  const next = nextRecapToPost(schedule, now, await recentRecapWeeks(db, current.id));
  const saved = await saveRecapSettings(db, current.id, { recapChannelId: channelId, recapDay, recapTime: time, timezone, nextRecapAt: next }, now);
  // Passed over: that day's recap would report a week whose recap already went out.
  const passedOver =
    next.getTime() !== nextRecapAt(schedule, now).getTime()
      ? `This week's recap already went out, so the next one comes on ${weekdayName(recapDay)} ${formatDayMonthYear(localDateOf(timezone, next))}, covering everything since: no win is missed or counted twice.`
      : '';
  await respond(interaction, {
    ephemeral: true,
    content: [`Done. The weekly recap goes to <#${channelId}> every ${weekdayName(recapDay)} at ${time} (${timezone}).`, passedOver, timezoneNote]
      .filter(Boolean)
      .join(' '),
    embeds: [configEmbed(saved, now)],
  });
}

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  recap,
  async checkins(interaction, { db, clock }) {
    const now = clock.now();
    const current = await guildSettings(db, guildIdOf(interaction), now);
    const enabled = interaction.options.getBoolean('enabled', true);
    const saved = await saveCheckinSettings(db, current.id, { checkinsEnabled: enabled, checkinDay: readDay(interaction, current.checkinDay) }, now);
    const words = enabled
      ? `Check-ins are on: members who opt in with \`/partner join\` are paired at recap time, and prompted on ${weekdayName(saved.checkinDay)}s.`
      : 'Check-ins are off: no pairing and no prompts.';
    await respond(interaction, { ephemeral: true, content: words, embeds: [configEmbed(saved, now)] });
  },
  async show(interaction, { db, clock }) {
    const now = clock.now();
    await respond(interaction, { ephemeral: true, embeds: [configEmbed(await guildSettings(db, guildIdOf(interaction), now), now)] });
  },
};

export const config: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    requireManageServer(interaction);
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new UserFacingError('unknown-subcommand', 'Try `/config recap`, `/config checkins` or `/config show`.');
    await run(interaction, deps);
  },
  async autocomplete(interaction) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond(searchTimeZones(typed, 25).map((zone) => ({ name: zone, value: zone })));
  },
};
