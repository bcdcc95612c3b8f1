import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { localDateOf } from '../src/domain/time.js';
import { startPause } from '../src/db/pauses.js';
import { settingsOf } from '../src/features/settings.js';
import { lastPausedDay, parsePauseDays, pauseEndsAt, PAUSE_MAX_DAYS, PAUSE_MIN_DAYS } from '../src/domain/pause.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { pauseSpanWords } from '../src/discord/render/pause.js';
import type { Translator } from '../src/i18n/index.js';
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

/** Whose clock the dates follow: the member's own, or the server's until they set theirs (never a bare "UTC time"). */
function whoseTime(settings: { timezone: string; ownTimezone: string | null }, tr: Translator): string {
  return tr.t('pause.whoseTime', { own: settings.ownTimezone !== null ? 'yes' : 'no', timezone: settings.timezone });
}

function pauseMessage(settings: { timezone: string; ownTimezone: string | null }, days: number | null, endsAt: Date | null, replaced: string | null, tr: Translator): string {
  const { timezone } = settings;
  const lines = [tr.t('pause.rest')];
  if (days === null || endsAt === null) {
    lines.push(tr.t('pause.open'));
  } else {
    lines.push(
      tr.t('pause.days', { days, through: tr.weekdayDate(lastPausedDay(timezone, endsAt)), whose: whoseTime(settings, tr) }),
      tr.t('pause.back', { back: tr.weekdayDate(localDateOf(timezone, endsAt)) }),
    );
  }
  if (replaced !== null) lines.push(tr.t('pause.replaces', { span: replaced }));
  return lines.join('\n');
}

export const pause: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const parsed = parsePauseDays(interaction.options.getInteger('days'));
    if (!parsed.ok) {
      throw userError(parsed.problem, 'error.pause-days', { min: parsed.min, max: parsed.max, value: parsed.value });
    }
    const key = memberKeyOf(interaction);
    const { settings, pause: running, now } = await settingsOf(deps, key);
    const { timezone } = settings;
    const endsAt = parsed.days === null ? null : pauseEndsAt(timezone, now, parsed.days);
    await startPause(deps.db, key, now, endsAt);
    const tr = translatorFor(interaction);
    const content = pauseMessage(settings, parsed.days, endsAt, running ? pauseSpanWords(timezone, running, tr) : null, tr);
    await respond(interaction, { content, ephemeral: true });
  },
};
