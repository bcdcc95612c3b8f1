import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { FreshStartContent } from '../../features/fresh-start.js';
import { english, type Translator } from '../../i18n/index.js';
import { componentIds } from '../component-ids.js';
import type { OutgoingMessage } from './outgoing.js';

/** The title of the goal the fresh-start button sets, in the member's language; they rename it with `/goal edit` if they like. */
export const smallGoalTitle = (tr: Translator = english): string => tr.t('fresh.goalTitle');

/** The one line on the first morning of a week or month, and its button (SPEC §13), in the member's language. */
export function freshStartMessage(content: FreshStartContent, tr: Translator = english): OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } {
  return {
    content: tr.t('fresh.line', { kind: content.kind === 'month' ? 'month' : 'week', wins: content.lastWeekWins, goals: content.activeGoals > 0 ? 'some' : 'none' }),
    allowed_mentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: tr.t('fresh.button'), custom_id: componentIds.freshStartGoal(content) }],
      },
    ],
  };
}

/** The answer to the button. */
export function smallGoalText(outcome: { kind: 'added' } | { kind: 'duplicate' } | { kind: 'limit'; max: number }, title: string, tr: Translator = english): string {
  switch (outcome.kind) {
    case 'added':
      return tr.t('fresh.added', { title });
    case 'duplicate':
      return tr.t('fresh.duplicate', { title });
    case 'limit':
      return tr.t('fresh.limit', { max: outcome.max });
  }
}
