import {
  ApplicationCommandOptionType,
  type APIApplicationCommandStringOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from '../src/discord/interaction.js';
import { activeGoalsOf, addGoal, answerOffer, editGoal, goalsOf, pickGoal, retireGoal } from '../src/features/goals.js';
import { GOAL_TARGET_MAX, GOAL_TARGET_MIN, GOAL_TITLE_MAX } from '../src/domain/goals.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import type { ComponentIdOf } from '../src/discord/component-ids.js';
import { UserFacingError } from '../src/discord/errors.js';
import { goalChoices, requireGoal } from '../src/discord/goal-option.js';
import { readGoalChanges, readNewGoal } from '../src/discord/goal-input.js';
import { goalAddedText, goalArchivedText, goalEditedText, goalListEmbed, offerAnswerText, offerRows } from '../src/discord/render/goals.js';
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


async function list(interaction: ChatInputCommandInteraction, deps: Deps) {
  const key = memberKeyOf(interaction);
  const summaries = await goalsOf(deps, key);
  await respond(interaction, { ephemeral: true, embeds: [goalListEmbed(summaries)], components: offerRows(key.userId, summaries) });
}

/** Two active goals with one title would make a typed `goal:` ambiguous. */
const duplicateTitle = (title: string) =>
  new UserFacingError(
    'goal-title-taken',
    `You already have an active goal called **${title}**. Pick another title, or change that one with \`/goal edit\`.`,
  );

const offerGone = new UserFacingError('offer-gone', 'That offer has already been answered, so nothing changed.');

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async add(interaction, deps) {
    const goal = readNewGoal(interaction);
    const added = await addGoal(deps, memberKeyOf(interaction), goal);
    if (added.kind === 'limit') {
      throw new UserFacingError('goal-limit', `You already have ${added.max} active goals, which is plenty. Archive one with \`/goal archive\` to make room.`);
    }
    if (added.kind === 'duplicate') throw duplicateTitle(added.title);
    await respond(interaction, { ephemeral: true, content: goalAddedText(added.goal) });
  },
  list,
  async edit(interaction, deps) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await pickGoal(deps, key, interaction.options.getString('goal', true)));
    const changes = readGoalChanges(interaction);
    if (Object.keys(changes).length === 0) {
      throw new UserFacingError('nothing-to-change', 'Tell me what to change: `title`, `target`, `period` or `share`.');
    }
    const edited = await editGoal(deps, key, goal, changes);
    if (edited.kind === 'duplicate') throw duplicateTitle(edited.title);
    if (edited.kind === 'gone') throw new UserFacingError('goal-not-found', 'That goal was archived a moment ago.');
    await respond(interaction, { ephemeral: true, content: goalEditedText(edited.goal, edited.newTarget) });
  },
  async archive(interaction, deps) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await pickGoal(deps, key, interaction.options.getString('goal', true)));
    await retireGoal(deps, key, goal);
    await respond(interaction, { ephemeral: true, content: goalArchivedText(goal) });
  },
};

export const goal: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.getSubcommand(false) === 'list',
  async execute(interaction, deps) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw new UserFacingError('unknown-subcommand', 'Try `/goal add`, `/goal list`, `/goal edit` or `/goal archive`.');
    await run(interaction, deps);
  },
  async autocomplete(interaction, deps) {
    await interaction.respond(goalChoices(await activeGoalsOf(deps, memberKeyOf(interaction)), String(interaction.options.getFocused())));
  },
  /** `goal:accept:<owner>:<goal>:<to>` and `goal:decline:<owner>:<goal>` from an offer. */
  async button(interaction, deps, { action, ownerId, goalId }: ComponentIdOf<'goal'>) {
    if (ownerId !== interaction.user.id) throw new UserFacingError('not-yours', 'Those buttons belong to someone else’s goals.');
    const answer = await answerOffer(deps, memberKeyOf(interaction), goalId, action === 'accept');
    if (answer.kind === 'gone') throw offerGone;
    await respond(interaction, { ephemeral: true, content: offerAnswerText(answer) });
  },
};
