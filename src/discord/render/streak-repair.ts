import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import { formatDayMonthYear } from '../../domain/date-format.js';
import { REPAIR_EVERY_WEEKS } from '../../domain/streaks.js';
import { parseLocalDate } from '../../domain/time-calendar.js';
import { componentIds } from '../component-ids.js';

const weekWords = (weekStart: string): string => {
  const monday = parseLocalDate(weekStart);
  return monday ? `the week of ${formatDayMonthYear(monday)}` : 'last week';
};

/** The offer on /progress (SPEC §13): said kindly, never bought, one per 8 weeks. */
export const repairOfferTitle = 'Your streak can carry on 🩹';
export function repairOfferText(weekStart: string): string {
  return `${weekWords(weekStart)[0]?.toUpperCase()}${weekWords(weekStart).slice(1)} had no wins, and that's okay: weeks like that happen. If you'd like, mend it and your streak carries on. It's free, and there's one repair every ${REPAIR_EVERY_WEEKS} weeks.`;
}

export function repairRow(ownerId: string, weekStart: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Repair my streak', emoji: { name: '🩹' }, custom_id: componentIds.streakRepair(ownerId, weekStart) }],
  };
}

export function repairAnswerText(outcome: { kind: 'repaired'; weekStart: string; streak: number } | { kind: 'gone' }): string {
  if (outcome.kind === 'gone') return 'That repair is no longer open (it was used, or a new week has begun), so nothing changed. Your wins are all still yours.';
  const streak = outcome.streak === 1 ? '1 week' : `${outcome.streak} weeks`;
  return `Mended: ${weekWords(outcome.weekStart)} no longer breaks your streak, which stands at ${streak}. The calendar marks it as repaired. 🌱`;
}
