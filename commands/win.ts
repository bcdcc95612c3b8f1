import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { activeGoals, findActiveGoalByInput, goalWinTimes, revisionsOf } from '../src/db/goals.js';
import { memberTimezone } from '../src/db/members.js';
import type { Db } from '../src/db/client.js';
import type { Goal } from '../src/db/schema.js';
import { recordWin, winCounts } from '../src/db/wins.js';
import { honestTally, isCurrentPeriod } from '../src/domain/celebrate.js';
import { goalPeriodAt, type GoalPeriod } from '../src/domain/goals.js';
import { weekRange } from '../src/domain/time.js';
import { parseWinDay, parseWinText, WIN_TEXT_MAX } from '../src/domain/win-input.js';
import { memberKeyOf, type ChatInputCommand } from '../src/discord/command.js';
import { inputError } from '../src/discord/render/problems.js';
import { celebrateWin } from '../src/discord/render/celebrate-win.js';
import { respond, withDeferral } from '../src/discord/reply.js';
import { publicAllowance, QUIET_CELEBRATION_NOTE, slowDown } from '../src/discord/flood.js';
import { whenChoices } from '../src/domain/when-choices.js';
import { goalChoices, requireGoal } from '../src/discord/goal-option.js';
import { goalProgressLine, type GoalPeriodProgress } from '../src/discord/render/goal-line.js';

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

/** The goal's count in the period the win landed in, against that period's target. */
async function goalProgressAt(db: Db, goal: Goal, timezone: string, winAt: Date, now: Date, includePrivate: boolean): Promise<GoalPeriodProgress> {
  const revisions = (await revisionsOf(db, [goal.id])).get(goal.id) ?? [];
  const period = goalPeriodAt(revisions, { target: goal.target, period: goal.period as GoalPeriod }, timezone, winAt);
  const count = (await goalWinTimes(db, [goal.id], period.range, { includePrivate })).get(goal.id)?.length ?? 0;
  return { title: goal.title, count, target: period.target, period: period.period, current: isCurrentPeriod(period.range, now) };
}

export const win: ChatInputCommand = {
  kind: 'chat-input',
  data,
  ephemeral: (interaction) => interaction.options.getBoolean('private') ?? false,
  async execute(interaction, deps) {
    const { db, clock } = deps;
    const rawText = interaction.options.getString('text');
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const text = parseWinText(rawText);
    if (!text.ok) throw inputError(text, rawText ?? undefined);
    const key = memberKeyOf(interaction);

    const { embed, privateLines, quiet } = await withDeferral(interaction, { ephemeral: isPrivate }, async () => {
      const now = clock.now();
      const timezone = await memberTimezone(db, key);
      const day = parseWinDay(interaction.options.getString('when'), timezone, now);
      if (!day.ok) throw inputError(day, text.value);
      const goalValue = interaction.options.getString('goal');
      const goal = goalValue ? requireGoal(await findActiveGoalByInput(db, key, goalValue)) : undefined;

      // Flood limits (SPEC §7): past a burst nothing is written; past a few public posts, celebrated privately.
      const allowance = publicAllowance(deps, key, interaction.channelId, now, !isPrivate);
      if (allowance === 'slow-down') throw slowDown;
      const saved = await recordWin(db, { ...key, text: text.value, isPrivate, occurredAt: day.value.occurredAt, goalId: goal?.id }, now);
      const week = weekRange(timezone, saved.occurredAt);
      const { tally, privateNote } = honestTally(await winCounts(db, key, week), isPrivate, isCurrentPeriod(week, now));
      const privateLines = privateNote ? [privateNote] : [];
      let embedGoalLine: string | undefined;
      if (goal) {
        // A goal shows in public only when its owner shared it with the server, and only with a count true for them.
        const truth = await goalProgressAt(db, goal, timezone, saved.occurredAt, now, true);
        const inPublic = goal.share === 'server' && !isPrivate;
        const shown = inPublic ? await goalProgressAt(db, goal, timezone, saved.occurredAt, now, false) : truth;
        if (isPrivate || (inPublic && shown.count === truth.count)) embedGoalLine = goalProgressLine(shown);
        else privateLines.push(goalProgressLine(truth));
      }
      const embed = celebrateWin({ win: saved, tally, daysAgo: day.value.daysAgo, extraLine: embedGoalLine });
      return { embed, privateLines, quiet: !isPrivate && allowance === 'private' };
    });
    await respond(interaction, { embeds: [embed], ephemeral: isPrivate || quiet, ...(quiet ? { content: QUIET_CELEBRATION_NOTE } : {}) });
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
