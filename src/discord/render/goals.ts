import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord-api-types/v10';
import type { GoalSummary } from '../../domain/goals.js';
import { progressBar, type GoalFacts } from '../../domain/goals.js';
import { publicMemberText } from '../../domain/member-text.js';
import { truncateAtWord } from '../../domain/truncate.js';
import { componentIds } from '../component-ids.js';
import { english, type Translator } from '../../i18n/index.js';
import { palette } from './palette.js';
import { planLine } from './plans.js';

const shareLabel = (share: string, tr: Translator): string => (share === 'private' || share === 'partner' || share === 'server' ? tr.t(`goal.share.${share}`) : '');

/** One line of progress: `▰▰▰▱▱▱ 1/3 this week`. */
export function progressLine(summary: GoalSummary, tr: Translator = english): string {
  const { count, target, period } = summary.current;
  return tr.t('goal.progress', { bar: progressBar(count, target), count, target, period, done: count >= target ? 'yes' : 'no' });
}

/** The kind words for an offer to change a target (SPEC §1.5, §1.6). */
export function offerText(summary: GoalSummary, tr: Translator = english): string | undefined {
  const { offer, goal } = summary;
  if (!offer) return undefined;
  const values = { title: goal.title, to: offer.to, period: summary.current.period };
  return tr.t(offer.kind === 'smaller' ? 'goal.offer.smaller' : 'goal.offer.bigger', values);
}

/**
 * The two buttons of an offer. `named`: more than one offer is shown at once, so each label starts with
 * its goal's title (cut short, so the offer itself always fits Discord's 80 characters).
 */
export function offerButtons(ownerId: string, summary: GoalSummary, tr: Translator = english, named = false): APIActionRowComponent<APIButtonComponent> | undefined {
  const { offer, goal } = summary;
  if (!offer) return undefined;
  const label = (text: string) => truncateAtWord(named ? `${truncateAtWord(goal.title.replace(/\s+/g, ' '), 40)}: ${text}` : text, 80);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: label(tr.t('goal.offer.accept', { to: offer.to, period: summary.current.period })),
        custom_id: componentIds.goalAccept(ownerId, goal.id, offer.to),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: label(tr.t('goal.offer.keep', { from: offer.from })),
        custom_id: componentIds.goalDecline(ownerId, goal.id),
      },
    ],
  };
}

export function goalListEmbed(summaries: readonly GoalSummary[], tr: Translator = english): APIEmbed {
  if (summaries.length === 0) return { color: palette.embed, title: tr.t('goal.list.title'), description: tr.t('goal.list.empty') };
  const lines = summaries.map((summary) => {
    const offer = offerText(summary, tr);
    return [
      tr.t('goal.list.entry', { title: summary.goal.title, target: summary.goal.target, period: summary.goal.period, share: shareLabel(summary.goal.share, tr) }),
      progressLine(summary, tr),
      ...(planLine(summary.goal, undefined, tr) ? [planLine(summary.goal, undefined, tr)] : []),
      ...(offer ? [`💬 ${offer}`] : []),
    ].join('\n');
  });
  return {
    color: palette.embed,
    title: tr.t('goal.list.title'),
    description: truncateAtWord(lines.join('\n\n'), 4000),
    footer: { text: tr.t('goal.list.footer') },
  };
}

/** Buttons for at most five offers (Discord allows five rows). */
export function offerRows(ownerId: string, summaries: readonly GoalSummary[], tr: Translator = english) {
  const named = summaries.filter((summary) => summary.offer).length > 1;
  return summaries.flatMap((summary) => offerButtons(ownerId, summary, tr, named) ?? []).slice(0, 5);
}

/** A goal on the member's own /progress: title, progress and any offer in words. */
export function ownGoalLine(summary: GoalSummary, tr: Translator = english): string {
  const offer = offerText(summary, tr);
  const plan = planLine(summary.goal, undefined, tr);
  return `**${summary.goal.title}** ${progressLine(summary, tr)}${plan ? `\n${plan}` : ''}${offer ? `\n💬 ${offer}` : ''}`;
}

/** A goal another member shared; 🤝 marks one shared with partners only. */
export function sharedGoalLine(summary: GoalSummary, tr: Translator = english): string {
  return `${summary.goal.share === 'partner' ? '🤝 ' : ''}**${publicMemberText(summary.goal.title)}** ${progressLine(summary, tr)}`;
}

export function goalAddedText(goal: GoalFacts, tr: Translator = english): string {
  return tr.t('goal.added', { title: goal.title, target: goal.target, period: goal.period, share: goal.share });
}

export function goalEditedText(goal: GoalFacts, newTarget: boolean, tr: Translator = english): string {
  return tr.t('goal.edited', { title: goal.title, target: goal.target, period: goal.period, share: goal.share, newTarget: newTarget ? 'yes' : 'no' });
}

export function goalArchivedText(goal: GoalFacts, tr: Translator = english): string {
  return tr.t('goal.archived', { title: goal.title });
}

export function offerAnswerText(
  answer: { kind: 'accepted'; goal: GoalFacts; to: number; period: string } | { kind: 'declined'; goal: GoalFacts; from: number; period: string },
  tr: Translator = english,
): string {
  return answer.kind === 'accepted'
    ? tr.t('goal.offer.accepted', { title: answer.goal.title, to: answer.to, period: answer.period })
    : tr.t('goal.offer.declined', { title: answer.goal.title, from: answer.from, period: answer.period });
}
