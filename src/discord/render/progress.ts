import type { APIEmbed } from 'discord-api-types/v10';
import type { ProgressFigures } from '../../domain/streaks.js';
import { ghostLine, streakLine, thisWeekLine } from '../../domain/own-pace.js';
import { WIN_CALENDAR_FILE } from './win-calendar.js';
import { palette } from './palette.js';

const FIELD_MAX = 1024;


// The wording of a member's own figures lives in the domain, shared with the DM recap and the web view.
export { ghostLine, streakLine, thisWeekLine } from '../../domain/own-pace.js';

/** Joins lines up to Discord's field limit; the rest become "…and N more". */
export function fitLines(lines: readonly string[], max = FIELD_MAX): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more`;
    const cost = line.length + (kept.length > 0 ? 1 : 0);
    const reserve = i < lines.length - 1 ? more.length + 1 : 0;
    if (used + cost + reserve > max) {
      kept.push(more);
      break;
    }
    kept.push(line);
    used += cost;
  }
  return kept.join('\n');
}

export interface OwnProgressInput {
  figures: ProgressFigures;
  pausedNow: boolean;
  timezone: string;
  /** Goal progress lines (one per active goal); empty until goals exist. Filled by the goals code. */
  goalLines: readonly string[];
}

/** The member's own progress; the calendar PNG is attached as {@link WIN_CALENDAR_FILE}. */
export function ownProgressEmbed(input: OwnProgressInput): APIEmbed {
  const { figures } = input;
  const ghost = ghostLine(figures.ghost, figures.thisWeek);
  const fields = [
    { name: 'This week', value: thisWeekLine(figures.thisWeek, figures.usual) },
    { name: 'Weekly streak', value: streakLine(figures.streaks, input.pausedNow) },
    ...(ghost ? [{ name: 'Your best week', value: ghost }] : []),
    ...(input.goalLines.length > 0 ? [{ name: 'Goals', value: fitLines(input.goalLines) }] : []),
  ];
  return {
    color: palette.embed,
    title: 'Your progress 🌱',
    fields,
    image: { url: `attachment://${WIN_CALENDAR_FILE}` },
    footer: { text: `Your wins per day, last 26 weeks (${input.timezone}). Only you can see this.` },
  };
}

/** A member with no wins yet: a kind nudge instead of a page of zeros. */
export function firstWinNudgeEmbed(goalLines: readonly string[]): APIEmbed {
  return {
    color: palette.embed,
    title: 'Your progress 🌱',
    description: [
      "You haven't logged a win here yet — and that's completely fine.",
      'Start with something tiny: `/win text: made my bed` counts. Your streak, your usual week and your win calendar grow from there.',
    ].join('\n\n'),
    fields: goalLines.length > 0 ? [{ name: 'Goals', value: fitLines(goalLines) }] : [],
    footer: { text: 'Only you can see this.' },
  };
}

/**
 * Another member's page: only what they chose to share (`share = 'server'` goals), never their counts,
 * streaks, calendar or wins.
 */
export function sharedProgressEmbed(userId: string, sharedGoalLines: readonly string[], asPartner = false): APIEmbed {
  const description =
    sharedGoalLines.length > 0
      ? `Here's what <@${userId}> has chosen to share with ${asPartner ? 'the server, and with you as their partner this week (🤝)' : 'the server'}:`
      : `Nothing shared yet. <@${userId}>'s goals and wins are theirs unless they choose to share a goal with the server — and that's on purpose.`;
  return {
    color: palette.embed,
    title: 'Shared progress',
    description,
    fields: sharedGoalLines.length > 0 ? [{ name: 'Shared goals', value: fitLines(sharedGoalLines) }] : [],
    footer: { text: 'Small Wins never compares members: the only race is with your own past.' },
  };
}
