import type { APIEmbed } from 'discord.js';
import type { Ghost, ProgressFigures, Streaks } from '../../domain/streaks.js';
import { WIN_CALENDAR_FILE } from './win-calendar.js';

export const PROGRESS_COLOUR = 0x57f287;
const FIELD_MAX = 1024;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
/** 2.5, 3, 1.8: one decimal at most, none when whole. */
export const formatUsual = (n: number): string => String(Math.round(n * 10) / 10);

export function thisWeekLine(thisWeek: number, usual: number | null): string {
  const wins = plural(thisWeek, 'win');
  if (usual === null) {
    return thisWeek === 0
      ? 'No wins yet this week — one small thing is enough to start.'
      : `${wins} this week — your first week here, so this is the start of your usual.`;
  }
  if (usual === 0) {
    return thisWeek === 0
      ? "No wins yet this week — the last few weeks were quiet, and that's okay. One small thing is enough to start again."
      : `${wins} this week — up from a quiet few weeks. Welcome back! 🎉`;
  }
  const yourUsual = `your usual is ${formatUsual(usual)}`;
  if (thisWeek === 0) return `No wins yet this week — ${yourUsual}, and one small thing is enough to start.`;
  if (thisWeek > usual) return `${wins} this week — ${yourUsual}. You're ahead of your own pace! 🎉`;
  if (thisWeek === usual) return `${wins} this week — right on your usual of ${formatUsual(usual)}.`;
  return `${wins} this week — ${yourUsual}. Every one counts, and the week isn't over.`;
}

export function streakLine(streaks: Streaks, pausedNow: boolean): string {
  const best = streaks.best > streaks.current ? ` Your best: ${plural(streaks.best, 'week')}.` : '';
  if (pausedNow) {
    return streaks.current > 0
      ? `⏸️ You're on a pause, so your streak of ${plural(streaks.current, 'week')} is frozen, safe until you're back.${best}`
      : `⏸️ You're on a pause: nothing breaks while you rest.${best}`;
  }
  if (streaks.current === 0) {
    return streaks.best > 0
      ? `A new streak starts with your next win.${best}`
      : 'A streak starts with your next win.';
  }
  if (streaks.current === 1) return `🔥 Your streak has begun: 1 week with a win.${best}`;
  const record = streaks.current === streaks.best ? ' Your longest yet!' : best;
  return `🔥 ${streaks.current} weeks in a row with a win.${record}`;
}

export function ghostLine(ghost: Ghost | null, thisWeek: number): string | undefined {
  if (ghost === null) return thisWeek > 0 ? '👻 This is your best week so far — next week it becomes your ghost to chase.' : undefined;
  const when = `${plural(ghost.wins, 'win')} in the week of ${ghost.monday}`;
  if (thisWeek > ghost.wins) return `👻 You passed your ghost (${when}): this is your best week yet!`;
  if (thisWeek === ghost.wins) return `👻 You've caught your ghost (${when}). One more passes it!`;
  return `👻 Your ghost: ${when} — ${ghost.wins - thisWeek} to catch it.`;
}

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
    color: PROGRESS_COLOUR,
    title: 'Your progress 🌱',
    fields,
    image: { url: `attachment://${WIN_CALENDAR_FILE}` },
    footer: { text: `Your wins per day, last 26 weeks (${input.timezone}). Only you can see this.` },
  };
}

/** A member with no wins yet: a kind nudge instead of a page of zeros. */
export function firstWinNudgeEmbed(goalLines: readonly string[]): APIEmbed {
  return {
    color: PROGRESS_COLOUR,
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
    color: PROGRESS_COLOUR,
    title: 'Shared progress',
    description,
    fields: sharedGoalLines.length > 0 ? [{ name: 'Shared goals', value: fitLines(sharedGoalLines) }] : [],
    footer: { text: 'Small Wins never compares members: the only race is with your own past.' },
  };
}
