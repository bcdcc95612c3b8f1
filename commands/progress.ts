import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { MemberKey } from '../src/db/members.js';
import { progressOf, repairStreak, sharedProgressOf } from '../src/features/progress.js';
import type { ComponentIdOf } from '../src/discord/component-ids.js';
import { repairAnswerText, repairRow } from '../src/discord/render/streak-repair.js';
import { guildIdOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import type { Translator } from '../src/i18n/index.js';
import { offerRows, ownGoalLine, sharedGoalLine } from '../src/discord/render/goals.js';
import { firstWinNudgeEmbed, ownProgressEmbed, sharedProgressEmbed } from '../src/discord/render/progress.js';
import { calendarFontFiles, renderCalendarPng, WIN_CALENDAR_FILE, winCalendarSvg } from '../src/discord/render/win-calendar.js';
import { respond, type ReplyPayload } from '../src/discord/reply.js';

export const data = {
  name: 'progress',
  description: 'Your week against your own usual, your streak, your ghost and your win calendar.',
  // Also a member's own install: in DMs and in servers without the bot, counted in their home server (SPEC §11).
  integration_types: [0, 1],
  contexts: [0, 1, 2],
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: 'See what another member has chosen to share (only their shared goals).',
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const botRefusal = userError('progress-bot', 'error.progress-bot');

async function ownProgress(deps: Deps, key: MemberKey, tr: Translator): Promise<ReplyPayload> {
  const progress = await progressOf(deps, key);
  const goalLines = progress.goals.map((summary) => ownGoalLine(summary, tr));
  const offers = offerRows(key.userId, progress.goals, tr);
  if (!progress.figures) return { embeds: [firstWinNudgeEmbed(goalLines, tr)], components: offers };
  const repairable = progress.figures.repairable;
  // Discord allows five rows: the repair first, then goal offers.
  const components = repairable ? [repairRow(key.userId, repairable, tr), ...offers].slice(0, 5) : offers;
  const png = await renderCalendarPng(
    winCalendarSvg({ days: progress.days, today: progress.today, paused: progress.pausedDays, ...(progress.repairedWeeks ? { repaired: progress.repairedWeeks } : {}) }, tr),
    calendarFontFiles(tr.locale),
  );
  return {
    embeds: [ownProgressEmbed({ figures: progress.figures, pausedNow: progress.pausedNow, timezone: progress.timezone, goalLines }, tr)],
    files: [{ attachment: png, name: WIN_CALENDAR_FILE, description: tr.t('progress.calendarAlt') }],
    components,
  };
}

export const progress: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: true,
  async execute(interaction, deps) {
    const target = interaction.options.getUser('member');
    if (target?.bot) throw botRefusal;
    const guildId = guildIdOf(interaction);
    const tr = translatorFor(interaction);
    if (target && target.id !== interaction.user.id) {
      const shared = await sharedProgressOf(deps, { guildId, userId: interaction.user.id }, { guildId, userId: target.id });
      await respond(interaction, { ephemeral: true, embeds: [sharedProgressEmbed(target.id, shared.goals.map((summary) => sharedGoalLine(summary, tr)), shared.asPartner, tr)] });
      return;
    }
    const reply = await ownProgress(deps, { guildId, userId: interaction.user.id }, tr);
    await respond(interaction, { ...reply, ephemeral: true });
  },
  /** `progress:repair:<owner>:<monday>` from the offer on /progress. */
  async button(interaction, deps, { ownerId, weekStart }: ComponentIdOf<'progress'>) {
    if (ownerId !== interaction.user.id) throw userError('not-yours', 'error.not-your-progress');
    const outcome = await repairStreak(deps, { guildId: guildIdOf(interaction), userId: ownerId }, weekStart);
    await respond(interaction, { ephemeral: true, content: repairAnswerText(outcome, translatorFor(interaction)) });
  },
};
