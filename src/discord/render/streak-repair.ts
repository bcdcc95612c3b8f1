import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import { REPAIR_EVERY_WEEKS } from '../../domain/streaks.js';
import { parseLocalDate } from '../../domain/time-calendar.js';
import { english, type Translator } from '../../i18n/index.js';
import { componentIds } from '../component-ids.js';

/** The week a repair is for, by its Monday ('YYYY-MM-DD'): its date in words, or '' when it cannot be read. */
const mondayWords = (weekStart: string, tr: Translator): string => {
  const monday = parseLocalDate(weekStart);
  return monday ? tr.dayMonthYear(monday) : '';
};

/** The offer on /progress (SPEC §13): said kindly, never bought, one per 8 weeks. */
export const repairOfferTitle = (tr: Translator = english): string => tr.t('repair.title');
export function repairOfferText(weekStart: string, tr: Translator = english): string {
  return tr.t('repair.offer', { date: mondayWords(weekStart, tr), every: REPAIR_EVERY_WEEKS });
}

export function repairRow(ownerId: string, weekStart: string, tr: Translator = english): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: tr.t('repair.button'), emoji: { name: '🩹' }, custom_id: componentIds.streakRepair(ownerId, weekStart) }],
  };
}

export function repairAnswerText(outcome: { kind: 'repaired'; weekStart: string; streak: number } | { kind: 'gone' }, tr: Translator = english): string {
  if (outcome.kind === 'gone') return tr.t('repair.gone');
  return tr.t('repair.done', { date: mondayWords(outcome.weekStart, tr), streak: outcome.streak });
}
