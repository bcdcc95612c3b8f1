import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { GoalSummary } from '../../domain/goals.js';
import { progressBar, type GoalFacts, type GoalShare } from '../../domain/goals.js';
import { truncateAtWord } from '../../domain/truncate.js';
import { componentIds } from '../component-ids.js';
import { palette } from './palette.js';

const shareLabel: Record<GoalShare, string> = {
  private: '🔒 just you',
  partner: '🤝 you and your partner',
  server: '👀 shared with the server',
};

/** One line of progress: `▰▰▰▱▱▱ 1/3 this week`. */
export function progressLine(summary: GoalSummary): string {
  const { count, target, period } = summary.current;
  const done = count >= target ? ' ✅' : '';
  return `${progressBar(count, target)} ${count}/${target} this ${period}${done}`;
}

/** The kind words for an offer to change a target (SPEC §1.5, §1.6). */
export function offerText(summary: GoalSummary): string | undefined {
  const { offer, goal } = summary;
  if (!offer) return undefined;
  const period = summary.current.period;
  return offer.kind === 'smaller'
    ? `**${goal.title}** hasn't landed for three ${period}s running. That happens, and it's no failing of yours. Would **${offer.to} a ${period}** feel better for now?`
    : `**${goal.title}** has been met three ${period}s running. 🌟 Ready to try **${offer.to} a ${period}**? Only if you want to.`;
}

export function offerButtons(ownerId: string, summary: GoalSummary): APIActionRowComponent<APIButtonComponent> | undefined {
  const { offer, goal } = summary;
  if (!offer) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: truncateAtWord(`Make it ${offer.to} a ${summary.current.period}`, 80),
        custom_id: componentIds.goalAccept(ownerId, goal.id, offer.to),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `Keep ${offer.from}`,
        custom_id: componentIds.goalDecline(ownerId, goal.id),
      },
    ],
  };
}

export function goalListEmbed(summaries: readonly GoalSummary[]): APIEmbed {
  if (summaries.length === 0) {
    return {
      color: palette.embed,
      title: 'Your goals',
      description: 'No goals yet, and that is fine: wins count without them. When you want one, try `/goal add title: Read target: 2 period: week`.',
    };
  }
  const lines = summaries.map((summary) => {
    const offer = offerText(summary);
    return [
      `**${summary.goal.title}** · ${summary.goal.target} a ${summary.goal.period} · ${shareLabel[summary.goal.share as GoalShare] ?? ''}`,
      progressLine(summary),
      ...(offer ? [`💬 ${offer}`] : []),
    ].join('\n');
  });
  return {
    color: palette.embed,
    title: 'Your goals',
    description: truncateAtWord(lines.join('\n\n'), 4000),
    footer: { text: 'Link a win to a goal with /win goal:. Only you can see this.' },
  };
}

/** Buttons for at most five offers (Discord allows five rows). */
export function offerRows(ownerId: string, summaries: readonly GoalSummary[]) {
  return summaries.flatMap((summary) => offerButtons(ownerId, summary) ?? []).slice(0, 5);
}

/** A goal on the member's own /progress: title, progress and any offer in words. */
export function ownGoalLine(summary: GoalSummary): string {
  const offer = offerText(summary);
  return `**${summary.goal.title}** ${progressLine(summary)}${offer ? `\n💬 ${offer}` : ''}`;
}

/** A goal another member shared; 🤝 marks one shared with partners only. */
export function sharedGoalLine(summary: GoalSummary): string {
  return `${summary.goal.share === 'partner' ? '🤝 ' : ''}**${summary.goal.title}** ${progressLine(summary)}`;
}

const visibilityWords: Record<GoalShare, string> = {
  private: 'Only you can see it.',
  partner: 'You and your check-in partner can see it.',
  server: 'Anyone here can see it.',
};

export function goalAddedText(goal: GoalFacts): string {
  const visibility = visibilityWords[goal.share as GoalShare] ?? '';
  return `New goal: **${goal.title}**, ${goal.target} a ${goal.period}. ${visibility}\nLink wins to it with \`/win goal:\`. Start small, grow when you want to. 🌱`;
}

export function goalEditedText(goal: GoalFacts, newTarget: boolean): string {
  return `Updated: **${goal.title}**, ${goal.target} a ${goal.period} (${goal.share}).${newTarget ? ' Periods before today keep the target they had.' : ''}`;
}

export function goalArchivedText(goal: GoalFacts): string {
  return `Archived **${goal.title}**. Its wins stay yours, and still count in your progress. Letting a goal go is a decision too.`;
}

export function offerAnswerText(answer: { kind: 'accepted'; goal: GoalFacts; to: number; period: string } | { kind: 'declined'; goal: GoalFacts; from: number; period: string }): string {
  return answer.kind === 'accepted'
    ? `Done: **${answer.goal.title}** is now ${answer.to} a ${answer.period}, starting this ${answer.period}.`
    : `Keeping **${answer.goal.title}** at ${answer.from} a ${answer.period}. I won't ask again for this run.`;
}
