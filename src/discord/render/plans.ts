import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import { weekdayWord } from '../../domain/date-format.js';
import type { GoalFacts } from '../../domain/goals.js';
import { PLAN_AT_MAX, PLAN_CLEAR_WORD, PLAN_TEXT_MAX } from '../../domain/plans.js';
import { componentIds } from '../component-ids.js';
import type { OutgoingMessage } from './outgoing.js';

/** The plan's part of a goal, as the member's own view shows it. */
export interface PlanFacts {
  id: number;
  guildId: string;
  userId: string;
  title: string;
  planWhen: string | null;
  planThen: string | null;
  planAt: string | null;
  planDay: number | null;
  planReminders: boolean;
}

type PlanParts = Pick<GoalFacts, 'planWhen' | 'planThen' | 'planAt' | 'planDay' | 'planReminders'>;

/** `🗓️ When after lunch, I will write 100 words · reminder Thursdays 13:00`; undefined without a plan. */
export function planLine(goal: PlanParts, dmsOn?: boolean): string | undefined {
  if (!goal.planWhen || !goal.planThen) return undefined;
  const reminder =
    goal.planAt && goal.planDay && goal.planReminders
      ? ` · reminder ${weekdayWord(goal.planDay)}s ${goal.planAt}${dmsOn === false ? ' (when DMs are on)' : ''}`
      : '';
  return `🗓️ When ${goal.planWhen}, I will ${goal.planThen}${reminder}`;
}

/** Refusals for the plan options: friendly, and the member's words come back where they were too long. */
export const planErrors = {
  textTooLong: (which: 'when' | 'then', length: number) =>
    `A plan's \`${which}\` can be at most ${PLAN_TEXT_MAX} characters (yours has ${length}). A few words are plenty: "after lunch", "write 100 words".`,
  textEmpty: (which: 'when' | 'then') => `The plan's \`${which}\` shows nothing on screen. A few words are plenty, like "after lunch".`,
  halfPlan: 'A plan needs both parts: `when` (like "after lunch") and `then` (like "write 100 words"). I saved nothing, so try again with both.',
  atWithoutPlan: 'A reminder time goes with a plan: add `when` and `then` too (or set them first with `/goal edit`).',
  atUnreadable: (typed: string) =>
    `I couldn't read \`at: ${typed.slice(0, PLAN_AT_MAX + 4)}\`. Write a time like \`13:00\` (Mondays) or a day and a time like \`thu 13:00\`, in your own timezone.`,
  atTooLong: `A reminder time is short: like \`13:00\` or \`thu 13:00\` (at most ${PLAN_AT_MAX} characters).`,
};

/** Said after a plan was set or changed: what will happen, and that it is theirs to drop. */
export function planSavedText(goal: PlanFacts, dmsOn: boolean): string {
  const line = planLine(goal, dmsOn);
  if (!line) return '';
  if (!goal.planAt || !goal.planDay) return `\n${line}`;
  const when = `${weekdayWord(goal.planDay)}s at ${goal.planAt}`;
  return dmsOn
    ? `\n${line}\nI'll send one gentle reminder by DM ${when} your time, at most once a week. A button on it stops it.`
    : `\n${line}\nReminders come by DM, and your DMs are off: turn them on with \`/settings dms: true\` if you'd like one ${when}.`;
}

/** The weekly reminder DM: the member's own plan in their own words, a button to drop it. */
export function planReminderMessage(goal: PlanFacts): OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } {
  return {
    content: [
      `A gentle nudge, as you planned: when ${goal.planWhen ?? ''}, you'll ${goal.planThen ?? ''}. 🌱`,
      `-# For your goal **${goal.title}**. Any small step counts; skipping it is fine too. Log it with \`/win\` when it's done.`,
    ].join('\n'),
    allowed_mentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'No more reminders for this plan', custom_id: componentIds.planQuiet(goal) }],
      },
    ],
  };
}

export const planQuietText = (title: string, gone: boolean): string =>
  gone
    ? 'That goal is no longer active, so there is nothing to remind you of.'
    : `Done: no more reminders for **${title}**. The plan stays with the goal; set a time again with \`/goal edit at:\` whenever you like.`;

export const planClearWord = PLAN_CLEAR_WORD;
