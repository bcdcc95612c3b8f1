import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { GoalFacts } from '../../domain/goals.js';
import { PLAN_CLEAR_WORD } from '../../domain/plans.js';
import { english, type Translator } from '../../i18n/index.js';
import { weekdayValues } from './pause.js';
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
export function planLine(goal: PlanParts, dmsOn?: boolean, tr: Translator = english): string | undefined {
  if (!goal.planWhen || !goal.planThen) return undefined;
  const reminder =
    goal.planAt && goal.planDay && goal.planReminders
      ? tr.t('plan.line.reminder', { ...weekdayValues(goal.planDay, tr), at: goal.planAt, dms: dmsOn === false ? 'off' : 'on' })
      : '';
  return tr.t('plan.line', { when: goal.planWhen, then: goal.planThen, reminder });
}

/** Said after a plan was set or changed: what will happen, and that it is theirs to drop. */
export function planSavedText(goal: PlanFacts, dmsOn: boolean, tr: Translator = english): string {
  const line = planLine(goal, dmsOn, tr);
  if (!line) return '';
  if (!goal.planAt || !goal.planDay) return `\n${line}`;
  const values = { ...weekdayValues(goal.planDay, tr), at: goal.planAt };
  return `\n${line}\n${tr.t(dmsOn ? 'plan.saved.dmsOn' : 'plan.saved.dmsOff', values)}`;
}

/** The weekly reminder DM: the member's own plan in their own words, a button to drop it. */
export function planReminderMessage(goal: PlanFacts, tr: Translator = english): OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } {
  return {
    content: tr.t('plan.reminder', { when: goal.planWhen ?? '', then: goal.planThen ?? '', title: goal.title }),
    allowed_mentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: tr.t('plan.reminder.stop'), custom_id: componentIds.planQuiet(goal) }],
      },
    ],
  };
}

export const planQuietText = (title: string, gone: boolean, tr: Translator = english): string => (gone ? tr.t('plan.quiet.gone') : tr.t('plan.quiet.done', { title }));

export const planClearWord = PLAN_CLEAR_WORD;
