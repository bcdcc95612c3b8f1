import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { localDateOf } from '../src/domain/time.js';
import { startPause } from '../src/db/pauses.js';
import { settingsOf } from '../src/features/settings.js';
import { formatWeekdayDate } from '../src/domain/date-format.js';
import {
  lastPausedDay,
  parsePauseDays,
  pauseEndsAt,
  pauseSpan,
  PAUSE_MAX_DAYS,
  PAUSE_MIN_DAYS,
  plural,
} from '../src/domain/pause.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { respond } from '../src/discord/reply.js';

export const data = {
  name: 'pause',
  description: 'Holiday mode: no prompts, no pairing, and your streak stays frozen.',
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'days',
      description: `How many days (${PAUSE_MIN_DAYS}–${PAUSE_MAX_DAYS}); leave it out to pause until /resume`,
      min_value: PAUSE_MIN_DAYS,
      max_value: PAUSE_MAX_DAYS,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const whatPauseMeans = 'No prompts, no pairing, and your streak stays frozen just where it is. Wins you log meanwhile still count.';

/** Whose clock the dates follow: the member's own, or the server's until they set theirs (never a bare "UTC time"). */
function whoseTime(settings: { timezone: string; ownTimezone: string | null }): string {
  return settings.ownTimezone !== null ? `your time, ${settings.timezone}` : `the server's time, ${settings.timezone}; \`/settings timezone:\` sets your own`;
}

function pauseMessage(settings: { timezone: string; ownTimezone: string | null }, days: number | null, endsAt: Date | null, replaced: string | null): string {
  const { timezone } = settings;
  const lines = ['Rest is part of it. 🌴'];
  if (days === null || endsAt === null) {
    lines.push(`You're paused until you \`/resume\` — take all the time you need. ${whatPauseMeans}`);
  } else {
    const through = formatWeekdayDate(lastPausedDay(timezone, endsAt));
    lines.push(
      `You're paused for the rest of today and ${plural(days, 'more day')}, through **${through}** (${whoseTime(settings)}). ${whatPauseMeans}`,
      `I'll be glad to see you back on **${formatWeekdayDate(localDateOf(timezone, endsAt))}**, or sooner with \`/resume\`.`,
    );
  }
  if (replaced !== null) lines.push(`(This replaces your earlier pause, which ran ${replaced}.)`);
  return lines.join('\n');
}

export const pause: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const parsed = parsePauseDays(interaction.options.getInteger('days'));
    if (!parsed.ok) {
      throw new UserFacingError(
        parsed.problem,
        `A pause can be ${parsed.min} to ${parsed.max} days (you asked for ${parsed.value}). For longer, leave \`days\` out and I'll wait until you \`/resume\`.`,
      );
    }
    const key = memberKeyOf(interaction);
    const { settings, pause: running, now } = await settingsOf(deps, key);
    const { timezone } = settings;
    const endsAt = parsed.days === null ? null : pauseEndsAt(timezone, now, parsed.days);
    await startPause(deps.db, key, now, endsAt);
    const content = pauseMessage(settings, parsed.days, endsAt, running ? pauseSpan(timezone, running) : null);
    await respond(interaction, { content, ephemeral: true });
  },
};
