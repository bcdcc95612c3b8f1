import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord-api-types/v10';
import type { FreshStartContent } from '../../features/fresh-start.js';
import { componentIds } from '../component-ids.js';
import type { OutgoingMessage } from './outgoing.js';

/** The title of the goal the fresh-start button sets; the member renames it with `/goal edit` if they like. */
export const SMALL_GOAL_TITLE = 'One small win';

function lastWeekSentence(wins: number): string {
  if (wins === 0) return "Last week was a quiet one, and that's okay: this is a clean page.";
  if (wins === 1) return 'Last week you logged a win. One counts. 🌱';
  return `Last week you logged ${wins} wins. That's real progress. 🌱`;
}

/** The one line on the first morning of a week or month, and its button (SPEC §13). */
export function freshStartMessage(content: FreshStartContent): OutgoingMessage & { components: APIActionRowComponent<APIButtonComponent>[] } {
  const opening = content.kind === 'month' ? 'A new month starts today.' : 'A fresh week starts today.';
  const invitation = content.activeGoals > 0 ? 'Want one more small goal, or to adjust one (`/goal edit`)?' : 'Want to name one small goal for it?';
  return {
    content: `🌅 ${opening} ${lastWeekSentence(content.lastWeekWins)} ${invitation}\n-# You asked for fresh starts; \`/settings fresh-start: false\` turns them off.`,
    allowed_mentions: { parse: [] },
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Set one small goal (1 win a week)', custom_id: componentIds.freshStartGoal(content) }],
      },
    ],
  };
}

/** The answer to the button. */
export function smallGoalText(outcome: { kind: 'added' } | { kind: 'duplicate' } | { kind: 'limit'; max: number }): string {
  switch (outcome.kind) {
    case 'added':
      return `New goal: **${SMALL_GOAL_TITLE}**, 1 a week, just for you. Rename it or change it any time with \`/goal edit\` in the server. 🌱`;
    case 'duplicate':
      return `You already have **${SMALL_GOAL_TITLE}** as a goal, so it's ready for this week. Change it with \`/goal edit\` if you like.`;
    case 'limit':
      return `You already have ${outcome.max} goals, which is plenty. \`/goal edit\` can make one of them smaller for this week.`;
  }
}
