import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { MemberKey } from '../src/db/members.js';
import { progressOf, sharedProgressOf } from '../src/features/progress.js';
import { guildIdOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import { UserFacingError } from '../src/discord/errors.js';
import { offerRows, ownGoalLine, sharedGoalLine } from '../src/discord/render/goals.js';
import { firstWinNudgeEmbed, ownProgressEmbed, sharedProgressEmbed } from '../src/discord/render/progress.js';
import { renderCalendarPng, WIN_CALENDAR_FILE, winCalendarSvg } from '../src/discord/render/win-calendar.js';
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

async function ownProgress(deps: Deps, key: MemberKey): Promise<ReplyPayload> {
  const progress = await progressOf(deps, key);
  const goalLines = progress.goals.map(ownGoalLine);
  const components = offerRows(key.userId, progress.goals);
  if (!progress.figures) return { embeds: [firstWinNudgeEmbed(goalLines)], components };
  const png = await renderCalendarPng(winCalendarSvg({ days: progress.days, today: progress.today, paused: progress.pausedDays }));
  return {
    embeds: [ownProgressEmbed({ figures: progress.figures, pausedNow: progress.pausedNow, timezone: progress.timezone, goalLines })],
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
      const shared = await sharedProgressOf(deps, { guildId, userId: interaction.user.id }, { guildId, userId: target.id });
      await respond(interaction, { ephemeral: true, embeds: [sharedProgressEmbed(target.id, shared.goals.map(sharedGoalLine), shared.asPartner)] });
      return;
    }
    const reply = await ownProgress(deps, { guildId, userId: interaction.user.id });
    await respond(interaction, { ...reply, ephemeral: true });
  },
};
