import {
  ApplicationCommandOptionType,
  type APIApplicationCommandStringOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { ChatInputCommandInteraction } from '../src/discord/interaction.js';
import { activeGoalsOf, addGoal, answerOffer, editGoal, goalsOf, pickGoal, quietPlanReminder, retireGoal, wantsDms } from '../src/features/goals.js';
import { GOAL_TARGET_MAX, GOAL_TARGET_MIN, GOAL_TITLE_MAX } from '../src/domain/goals.js';
import { PLAN_AT_MAX, PLAN_TEXT_MAX } from '../src/domain/plans.js';
import { memberKeyOf, type ChatInputCommand, type Deps } from '../src/discord/command.js';
import type { ComponentIdOf } from '../src/discord/component-ids.js';
import { userError } from '../src/discord/errors.js';
import { translatorFor } from '../src/discord/locale.js';
import { goalChoices, requireGoal } from '../src/discord/goal-option.js';
import { checkPlan, readGoalChanges, readNewGoal } from '../src/discord/goal-input.js';
import { goalAddedText, goalArchivedText, goalEditedText, goalListEmbed, offerAnswerText, offerRows } from '../src/discord/render/goals.js';
import { planQuietText, planSavedText } from '../src/discord/render/plans.js';
import { smallGoalText, smallGoalTitle } from '../src/discord/render/fresh-start.js';
import { startSmallGoal } from '../src/features/fresh-start.js';
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

// An if-then plan (SPEC §13): "when after lunch, I will write 100 words", and a weekly moment for a reminder.
const planWhen = { type: Str, name: 'when', description: 'Your plan: when… (e.g. "after lunch"); "none" clears the plan', min_length: 1, max_length: PLAN_TEXT_MAX } as const;
const planThen = { type: Str, name: 'then', description: 'Your plan: …I will (e.g. "write 100 words")', min_length: 1, max_length: PLAN_TEXT_MAX } as const;
const planAt = {
  type: Str,
  name: 'at',
  description: 'A weekly reminder by DM, your time: "13:00" (Mondays) or "thu 13:00"; "none" stops it',
  min_length: 1,
  max_length: PLAN_AT_MAX,
} as const;

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
      options: [{ ...title, required: true }, { ...target, required: true }, { ...period, required: true }, share, planWhen, planThen, planAt],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'Your active goals and this period’s progress' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'edit', description: 'Change a goal (earlier periods keep their old target)', options: [goalOption, title, target, period, share, planWhen, planThen, planAt] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'archive', description: 'Retire a goal; its wins stay', options: [goalOption] },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;


async function list(interaction: ChatInputCommandInteraction, deps: Deps) {
  const key = memberKeyOf(interaction);
  const summaries = await goalsOf(deps, key);
  const tr = translatorFor(interaction);
  await respond(interaction, { ephemeral: true, embeds: [goalListEmbed(summaries, tr)], components: offerRows(key.userId, summaries, tr) });
}

/** Two active goals with one title would make a typed `goal:` ambiguous. */
const duplicateTitle = (title: string) => userError('goal-title-taken', 'error.goal-title-taken', { title });

const offerGone = userError('offer-gone', 'error.offer-gone');

const subcommands: Record<string, (interaction: ChatInputCommandInteraction, deps: Deps) => Promise<void>> = {
  async add(interaction, deps) {
    const goal = readNewGoal(interaction);
    const added = await addGoal(deps, memberKeyOf(interaction), goal);
    if (added.kind === 'limit') {
      throw userError('goal-limit', 'error.goal-limit', { max: added.max });
    }
    if (added.kind === 'duplicate') throw duplicateTitle(added.title);
    const plan = added.goal.planWhen ? planSavedText(added.goal, await wantsDms(deps, memberKeyOf(interaction)), translatorFor(interaction)) : '';
    await respond(interaction, { ephemeral: true, content: goalAddedText(added.goal, translatorFor(interaction)) + plan });
  },
  list,
  async edit(interaction, deps) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await pickGoal(deps, key, interaction.options.getString('goal', true)));
    const changes = readGoalChanges(interaction);
    if (Object.keys(changes).length === 0) {
      throw userError('nothing-to-change', 'error.nothing-to-change');
    }
    checkPlan({ ...goal, ...changes });
    const edited = await editGoal(deps, key, goal, changes);
    if (edited.kind === 'duplicate') throw duplicateTitle(edited.title);
    if (edited.kind === 'gone') throw userError('goal-not-found', 'error.goal-not-found');
    const planChanged = 'planWhen' in changes || 'planThen' in changes || 'planAt' in changes;
    const plan = planChanged && edited.goal.planWhen ? planSavedText(edited.goal, await wantsDms(deps, key), translatorFor(interaction)) : '';
    await respond(interaction, { ephemeral: true, content: goalEditedText(edited.goal, edited.newTarget, translatorFor(interaction)) + plan });
  },
  async archive(interaction, deps) {
    const key = memberKeyOf(interaction);
    const goal = requireGoal(await pickGoal(deps, key, interaction.options.getString('goal', true)));
    await retireGoal(deps, key, goal);
    await respond(interaction, { ephemeral: true, content: goalArchivedText(goal, translatorFor(interaction)) });
  },
};

export const goal: ChatInputCommand = {
  kind: 'chat-input',
  data,
  readOnly: (interaction) => interaction.options.getSubcommand(false) === 'list',
  async execute(interaction, deps) {
    const run = subcommands[interaction.options.getSubcommand()];
    if (!run) throw userError('unknown-subcommand', 'error.unknown-subcommand', { command: 'goal' });
    await run(interaction, deps);
  },
  async autocomplete(interaction, deps) {
    await interaction.respond(goalChoices(await activeGoalsOf(deps, memberKeyOf(interaction)), String(interaction.options.getFocused()), translatorFor(interaction)));
  },
  /** `goal:accept:<owner>:<goal>:<to>` and `goal:decline:<owner>:<goal>` from an offer; `goal:quiet:…` from a plan reminder. */
  async button(interaction, deps, id: ComponentIdOf<'goal'>) {
    if (id.ownerId !== interaction.user.id) throw userError('not-yours', 'error.not-yours');
    if (id.action === 'fresh') {
      const tr = translatorFor(interaction);
      const title = smallGoalTitle(tr);
      const outcome = await startSmallGoal(deps, { guildId: id.guildId, userId: id.ownerId }, title);
      await respond(interaction, { ephemeral: true, content: smallGoalText(outcome, title, tr) });
      return;
    }
    if (id.action === 'quiet') {
      const quiet = await quietPlanReminder(deps, { guildId: id.guildId, userId: id.ownerId }, id.goalId);
      await respond(interaction, { ephemeral: true, content: planQuietText(quiet.kind === 'quiet' ? quiet.goal.title : '', quiet.kind === 'gone', translatorFor(interaction)) });
      return;
    }
    const answer = await answerOffer(deps, memberKeyOf(interaction), id.goalId, id.action === 'accept', id.action === 'accept' ? id.to : undefined);
    if (answer.kind === 'gone') throw offerGone;
    await respond(interaction, { ephemeral: true, content: offerAnswerText(answer, translatorFor(interaction)) });
  },
};
