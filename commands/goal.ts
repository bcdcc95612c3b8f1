import {
  ApplicationCommandOptionType,
  type APIApplicationCommandStringOption,
  type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { summariseGoals } from '../src/db/goal-progress.js';
import { activeGoals, archiveGoal, createGoal, declineOffer, findActiveGoal, findActiveGoalByInput, updateGoal } from '../src/db/goals.js';
import { memberTimezone } from '../src/db/members.js';
import { ACTIVE_GOALS_MAX, GOAL_TARGET_MAX, GOAL_TARGET_MIN, GOAL_TITLE_MAX } from '../src/domain/goals.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import type { ComponentIdOf } from '../src/discord/component-ids.js';
import { UserFacingError } from '../src/discord/errors.js';
import { goalChoices, requireGoal } from '../src/discord/goal-option.js';
import { readGoalChanges, readNewGoal } from '../src/discord/goal-input.js';
import { goalListEmbed, offerRows } from '../src/discord/render/goals.js';
import { respond } from '../src/discord/reply.js';

const Str = ApplicationCommandOptionType.String;
const goalOption = { type: Str, name: 'goal', description: 'Which of your goals', required: true, autocomplete: true, max_length: 100 } as const;
const title = { type: Str, name: 'title', description: 'What you are aiming for, in your words', min_length: 1, max_length: GOAL_TITLE_MAX } as const;
const target = {
  type: ApplicationCommandOptionType.Integer,
  name: 'target',
  description: 'How many wins per period',
  min_value: GOAL_TARGET_MIN,
  max_value: GOAL_TARGET_MAX,
} as const;
const period: APIApplicationCommandStringOption = {
  type: Str,
  name: 'period',
  description: 'Per week or per month',
  choices: [
    { name: 'week', value: 'week' },
    { name: 'month', value: 'month' },
  ],
};
const share: APIApplicationCommandStringOption = {
  type: Str,
  name: 'share',
  description: 'Who may see it (private by default)',
  choices: [
    { name: 'private (just you)', value: 'private' },
    { name: 'partner (you and your check-in partner)', value: 'partner' },
    { name: 'server (anyone here)', value: 'server' },
  ],
};

export const data = {
  name: 'goal',
  description: 'Goals that are yours alone',
  contexts: [0],
  integration_types: [0],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Set a goal for yourself',
      options: [{ ...title, required: true }, { ...target, required: true }, { ...period, required: true }, share],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Your active goals and this period’s progress' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'edit', description: 'Change a goal (earlier periods keep their old target)', options: [goalOption, title, target, period, share] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'archive', description: 'Retire a goal; its wins stay', options: [goalOption] },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;


async function list(interaction: ChatInputCommandInteraction, { db, clock }: Deps) {
  const key = memberKeyOf(interaction);
  const [goals, timezone] = await Promise.all([activeGoals(db, key), memberTimezone(db, key)]);
  const summaries = await summariseGoals(db, goals, timezone, clock.now(), { includePrivate: true });
  await respond(interaction, { ephemeral: true, embeds: [goalListEmbed(summaries)], components: offerRows(key.userId, summaries) });
}

/** Two active goals with one title would make a typed `goal:` ambiguous. */
const duplicateTitle = (title: string) =>
  new UserFacingError(
    'goal-title-taken',
    `You already have an active goal called **${title}**. Pick another title, or change that one with \`/goal edit\`.`,
  );

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async add(interaction, { db, clock }) {
    const goal = readNewGoal(interaction);
    const created = await createGoal(db, memberKeyOf(interaction), goal, clock.now(), ACTIVE_GOALS_MAX);
    if (created === 'limit') {
      throw new UserFacingError(
        'goal-limit',
        `You already have ${ACTIVE_GOALS_MAX} active goals, which is plenty. Archive one with \`/goal archive\` to make room.`,
      );
    }
    if (created === 'duplicate') throw duplicateTitle(goal.title);
    const visibility = { private: 'Only you can see it.', partner: 'You and your check-in partner can see it.', server: 'Anyone here can see it.' }[goal.share];
    await respond(interaction, {
      ephemeral: true,
      content: `New goal: **${created.title}**, ${created.target} a ${created.period}. ${visibility}\nLink wins to it with \`/win goal:\`. Start small, grow when you want to. 🌱`,
    });
  },
  list,
  async edit(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await findActiveGoalByInput(db, key, interaction.options.getString('goal', true)));
    const changes = readGoalChanges(interaction);
    if (Object.keys(changes).length === 0) {
      throw new UserFacingError('nothing-to-change', 'Tell me what to change: `title`, `target`, `period` or `share`.');
    }
    const updated = await updateGoal(db, key, goal.id, changes, clock.now());
    if (updated === 'duplicate') throw duplicateTitle(changes.title ?? goal.title);
    if (!updated) throw new UserFacingError('goal-not-found', 'That goal was archived a moment ago.');
    await respond(interaction, {
      ephemeral: true,
      content: `Updated: **${updated.title}**, ${updated.target} a ${updated.period} (${updated.share}).${changes.target !== undefined || changes.period !== undefined ? ' Periods before today keep the target they had.' : ''}`,
    });
  },
  async archive(interaction, { db, clock }) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await findActiveGoalByInput(db, key, interaction.options.getString('goal', true)));
    await archiveGoal(db, key, goal.id, clock.now());
    await respond(interaction, {
      ephemeral: true,
      content: `Archived **${goal.title}**. Its wins stay yours, and still count in your progress. Letting a goal go is a decision too.`,
    });
  },
};

export const goal: ChatInputCommand = {
  kind: 'chat-input',
  data,
  async execute(interaction, deps) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new UserFacingError('unknown-subcommand', 'Try `/goal add`, `/goal list`, `/goal edit` or `/goal archive`.');
    await run(interaction, deps);
  },
  async autocomplete(interaction, { db }) {
    await interaction.respond(goalChoices(await activeGoals(db, memberKeyOf(interaction)), String(interaction.options.getFocused())));
  },
  /** `goal:accept:<owner>:<goal>:<to>` and `goal:decline:<owner>:<goal>` from an offer. */
  async button(interaction, { db, clock }, { action, ownerId, goalId }: ComponentIdOf<'goal'>) {
    if (ownerId !== interaction.user.id) throw new UserFacingError('not-yours', 'Those buttons belong to someone else’s goals.');
    const key = memberKeyOf(interaction);
    const goal = await findActiveGoal(db, key, goalId);
    const [summary] = goal ? await summariseGoals(db, [goal], await memberTimezone(db, key), clock.now(), { includePrivate: true }) : [];
    if (!goal || !summary?.offer) throw new UserFacingError('offer-gone', 'That offer has already been answered, so nothing changed.');
    if (action === 'accept') {
      await updateGoal(db, key, goal.id, { target: summary.offer.to }, clock.now());
      await respond(interaction, { ephemeral: true, content: `Done: **${goal.title}** is now ${summary.offer.to} a ${summary.current.period}, starting this ${summary.current.period}.` });
    } else {
      await declineOffer(db, key, goal.id, summary.offer.key);
      await respond(interaction, { ephemeral: true, content: `Keeping **${goal.title}** at ${summary.offer.from} a ${summary.current.period}. I won't ask again for this run.` });
    }
  },
};
