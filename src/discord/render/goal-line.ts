import { progressBar } from '../../domain/goals.js';
import { publicMemberText } from '../../domain/member-text.js';
import { english, type Translator } from '../../i18n/index.js';

/** A goal's count in the period a win landed in, with the target that period has. */
export interface GoalPeriodProgress {
  title: string;
  count: number;
  target: number;
  period: string;
  /** Whether that period is the current one. */
  current: boolean;
}

/** "🎯 Read: ▰▰▰▱▱ 2/3 this week", with "goal met! 🎉" on the win that reaches the target. */
export function goalProgressLine(progress: GoalPeriodProgress, tr: Translator = english): string {
  const { title, count, target, period, current } = progress;
  const met = count >= target ? (count === target ? 'exactly' : 'over') : 'no';
  // A goal shared with the server is shown to it: its title may not mislead either.
  return tr.t('win.goalLine', { title: publicMemberText(title), bar: progressBar(count, target), count, target, period, current: current ? 'yes' : 'no', met });
}
