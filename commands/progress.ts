import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { summariseGoals } from '../src/db/goal-progress.js';
import { activeGoals, goalsSharedAs } from '../src/db/goals.js';
import { partnersOf } from '../src/db/partners.js';
import { memberTimezone, type MemberKey } from '../src/db/members.js';
import { memberHistory } from '../src/db/personal-week.js';
import { isPausedAt, pausedWeeksOf, progressFigures, weekCountsOf } from '../src/domain/streaks.js';
import { pausedDaysOf } from '../src/domain/pause.js';
import { addDays, localDateOf, mondayOf, weekKey } from '../src/domain/time.js';
import type { GoalShare } from '../src/domain/goals.js';
import { guildIdOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { offerRows, offerText, progressLine } from '../src/discord/render/goals.js';
import { firstWinNudgeEmbed, ownProgressEmbed, sharedProgressEmbed } from '../src/discord/render/progress.js';
import { CALENDAR_WEEKS, renderCalendarPng, WIN_CALENDAR_FILE, winCalendarSvg } from '../src/discord/render/win-calendar.js';
import { respond, type ReplyPayload } from '../src/discord/reply.js';

export const data = {
  name: 'progress',
  description: 'Your week against your own usual, your streak, your ghost and your win calendar.',
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: 'member',
      description: 'See what another member has chosen to share (only their shared goals).',
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const botRefusal = new UserFacingError(
  'progress-bot',
  "Bots don't log wins, so there's no progress to show there. Try `/progress` on its own to see yours. 🌱",
);

/** The member's own goals, private wins counted, with any smaller/bigger offer and its buttons. */
async function ownGoals(deps: Deps, key: MemberKey, now: Date, timezone: string) {
  const summaries = await summariseGoals(deps.db, await activeGoals(deps.db, key), timezone, now, { includePrivate: true });
  const lines = summaries.map((summary) => {
    const offer = offerText(summary);
    return `**${summary.goal.title}** ${progressLine(summary)}${offer ? `\n💬 ${offer}` : ''}`;
  });
  return { lines, components: offerRows(key.userId, summaries) };
}

/** Another member's goals shared this widely, counting their public wins only; 🤝 marks those for partners. */
export async function sharedGoalLines(deps: Deps, key: MemberKey, now: Date, shares: readonly GoalShare[]): Promise<string[]> {
  const timezone = await memberTimezone(deps.db, key);
  const summaries = await summariseGoals(deps.db, await goalsSharedAs(deps.db, key, shares), timezone, now, { includePrivate: false });
  return summaries.map((summary) => `${summary.goal.share === 'partner' ? '🤝 ' : ''}**${summary.goal.title}** ${progressLine(summary)}`);
}

/** Whether the viewer is the member's partner this week (in the viewer's week, as /partner status counts it). */
async function partnersThisWeek(deps: Deps, viewer: MemberKey, memberId: string, now: Date): Promise<boolean> {
  const week = weekKey(await memberTimezone(deps.db, viewer), now);
  return (await partnersOf(deps.db, viewer, week)).includes(memberId);
}

async function ownProgress(deps: Deps, key: MemberKey): Promise<ReplyPayload> {
  const now = deps.clock.now();
  const timezone = await memberTimezone(deps.db, key);
  const [{ days, pauses }, goals] = await Promise.all([memberHistory(deps.db, key, timezone, { winsBefore: null, pausesBefore: now }), ownGoals(deps, key, now, timezone)]);
  const { lines: goalLines, components } = goals;
  if (days.size === 0) return { embeds: [firstWinNudgeEmbed(goalLines)], components };

  const today = localDateOf(timezone, now);
  const figures = progressFigures({
    weeks: weekCountsOf(days),
    pausedWeeks: pausedWeeksOf(timezone, pauses, now),
    currentWeek: mondayOf(today),
  });
  const paused = pausedDaysOf(timezone, pauses, now, addDays(mondayOf(today), -7 * (CALENDAR_WEEKS - 1)));
  const png = await renderCalendarPng(winCalendarSvg({ days, today, paused }));
  return {
    embeds: [ownProgressEmbed({ figures, pausedNow: isPausedAt(pauses, now), timezone, goalLines })],
    files: [{ attachment: png, name: WIN_CALENDAR_FILE, description: 'Your wins per day over the last 26 weeks' }],
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
    if (target && target.id !== interaction.user.id) {
      const now = deps.clock.now();
      const asPartner = await partnersThisWeek(deps, { guildId, userId: interaction.user.id }, target.id, now);
      const lines = await sharedGoalLines(deps, { guildId, userId: target.id }, now, asPartner ? ['server', 'partner'] : ['server']);
      await respond(interaction, { ephemeral: true, embeds: [sharedProgressEmbed(target.id, lines, asPartner)] });
      return;
    }
    const reply = await ownProgress(deps, { guildId, userId: interaction.user.id });
    await respond(interaction, { ...reply, ephemeral: true });
  },
};
