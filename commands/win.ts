import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { noteCelebration } from '../src/db/celebrations.js';
import { OutcomeUnknownError } from '../src/db/errors.js';
import { activeGoals, findActiveGoalByInput } from '../src/db/goals.js';
import { memberTimezone } from '../src/db/members.js';
import { recordMemberWin } from '../src/db/record-win.js';
import { isCurrentPeriod } from '../src/domain/celebrate.js';
import { parseWinDay, parseWinText, WIN_TEXT_MAX } from '../src/domain/win-input.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { inputError, winMaybeSaved } from '../src/discord/render/problems.js';
import { winReply } from '../src/discord/render/celebrate-win.js';
import { respond } from '../src/discord/reply.js';
import { publicAllowance, QUIET_CELEBRATION_NOTE, slowDown } from '../src/discord/flood.js';
import { whenChoices } from '../src/domain/when-choices.js';
import { goalChoices, requireGoal } from '../src/discord/goal-option.js';

export const data = {
  name: 'win',
  description: 'Log a small win. Every size counts.',
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'text',
      description: 'What did you do? A few words is plenty.',
      required: true,
      min_length: 1,
      max_length: WIN_TEXT_MAX,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Keep this win to yourself (it never appears in public or in recaps).',
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'goal',
      description: 'Count it toward one of your goals',
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'when',
      description: 'today (default), yesterday, or a date YYYY-MM-DD up to 14 days back',
      autocomplete: true,
      max_length: 10,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const win: ChatInputCommand = {
  kind: 'chat-input',
  data,
  ephemeral: (interaction) => interaction.options.getBoolean('private') ?? false,
  async execute(interaction, deps) {
    const { db, clock, logger } = deps;
    const rawText = interaction.options.getString('text');
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const text = parseWinText(rawText);
    if (!text.ok) throw inputError(text, rawText ?? undefined);
    const key = memberKeyOf(interaction);
    const now = clock.now();
    const rawWhen = interaction.options.getString('when');
    const goalValue = interaction.options.getString('goal');

    // The plain case is one statement (it learns the timezone as it writes); a back-dated day needs
    // the timezone first, and a goal given by name needs its lookup.
    const timezone = rawWhen ? await memberTimezone(db, key) : undefined;
    const day = timezone === undefined ? { ok: true as const, value: { occurredAt: now, daysAgo: 0 } } : parseWinDay(rawWhen, timezone, now);
    if (!day.ok) throw inputError(day, text.value);
    const goal = goalValue ? requireGoal(await findActiveGoalByInput(db, key, goalValue)) : undefined;

    // Flood limits (SPEC §7): past a burst nothing is written; past a few public posts, celebrated privately.
    const allowance = publicAllowance(deps, key, interaction.channelId, now, !isPrivate);
    if (allowance === 'slow-down') throw slowDown;
    const quiet = !isPrivate && allowance === 'private';
    const saved = await recordMemberWin(
      db,
      { ...key, text: text.value, isPrivate, occurredAt: day.value.occurredAt, interactionId: interaction.id, goalId: goal?.id, timezone },
      now,
    ).catch((error: unknown) => {
      throw error instanceof OutcomeUnknownError ? winMaybeSaved : error;
    });
    const goalPeriod = saved.counts.goal?.period === 'month' ? saved.ranges.month : saved.ranges.week;
    const { embed, privateLines } = winReply({
      win: { id: saved.id, userId: key.userId, text: text.value, isPrivate },
      counts: saved.counts,
      daysAgo: day.value.daysAgo,
      weekIsCurrent: isCurrentPeriod(saved.ranges.week, now),
      goal: goal && { title: goal.title, share: goal.share, periodIsCurrent: isCurrentPeriod(goalPeriod, now) },
    });
    const shownPrivately = isPrivate || quiet;
    const messageId = await respond(interaction, {
      embeds: [embed],
      ephemeral: shownPrivately,
      returnMessageId: !shownPrivately,
      ...(quiet ? { content: QUIET_CELEBRATION_NOTE } : {}),
    });
    if (messageId && interaction.channelId) {
      noteCelebration(db, { winId: saved.id, channelId: interaction.channelId, messageId }, (error) => logger.warn({ err: error }, 'could not note a celebration'));
    }
    if (privateLines.length > 0) await respond(interaction, { ephemeral: true, content: `${privateLines.join('\n')}\n-# Only you can see this.` });
  },
  async autocomplete(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    if (interaction.options.getFocused(true).name === 'goal') {
      await interaction.respond(goalChoices(await activeGoals(db, key), String(interaction.options.getFocused())));
      return;
    }
    const timezone = await memberTimezone(db, key);
    await interaction.respond(whenChoices(String(interaction.options.getFocused()), timezone, clock.now()));
  },
};
