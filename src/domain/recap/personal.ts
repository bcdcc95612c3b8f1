import { progressBar } from '../goals.js';
import { localDateOf } from '../time.js';
import { collapseWhitespace, countOf, randomIndex, shownText, summarise } from './text.js';
import type { PersonalRecapContent, PersonalWeekData } from './types.js';

const GOAL_TITLE_MAX = 80;
const OLD_WIN_TEXT_MAX = 300;

const closings = [
  'Whatever next week brings, every size counts.',
  'Rest is part of it. So is starting again.',
  'You can do your best and still fall short. You are still doing the thing.',
  'One small win at a time: that is the whole trick.',
  'Be as kind to yourself next week as you would be to a friend.',
  'Next week is a fresh page, and it is yours.',
] as const;

type Goal = PersonalWeekData['goals'][number];

/** "3", "2.5": a usual week, to one decimal place. */
export function formatUsual(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** This week against the member's own usual week: the only comparison the bot makes (SPEC §1.3). */
export function weekLine(wins: number, usual: number | undefined): string {
  if (wins <= 0) {
    return 'A quiet week, with no wins logged, and that’s okay: rest is part of it. One small thing is enough to start again.';
  }
  const logged = `You logged ${countOf(wins, 'win')} this week`;
  if (usual === undefined) return `${logged}. Soon you’ll have a usual week of your own to look back on. 🌱`;
  if (Math.round(usual * 10) === 0) return `${logged}, after a quiet month. Welcome back! 🌱`;
  const yours = `your usual week is about ${formatUsual(usual)}`;
  if (wins > usual + 0.5) return `${logged}: more than your usual week (about ${formatUsual(usual)}). 🌟`;
  if (wins < usual - 0.5) return `${logged}; ${yours}. Quieter weeks are part of it, and every one of those wins counts.`;
  return `${logged}, right around your usual week (about ${formatUsual(usual)}). Steady. 🌿`;
}

export function streakLine(weeks: number): string {
  if (weeks <= 0) return 'Your weekly streak starts again with your next win, whenever that is.';
  return `Weekly streak: ${countOf(weeks, 'week')} in a row with a win. 🔥`;
}

/** A goal's outcome: met is celebrated, missed is met with kindness and, after three misses, a smaller offer (SPEC §1.5, §1.6). */
export function goalLine(goal: Goal): string {
  const title = `**${summarise(collapseWhitespace(goal.title), GOAL_TITLE_MAX)}**`;
  const progress = `${progressBar(goal.count, goal.target)} ${goal.count}/${goal.target} this ${goal.period}`;
  if (goal.met) return `✅ ${title}: ${progress}. Met! 🎉`;
  const kind = 'Not this time, and that’s okay: you can do your best and still fall short.';
  const offer =
    goal.smallerOffer === undefined
      ? ''
      : ` It hasn’t landed for a few ${goal.period}s running. Want to try ${goal.smallerOffer} a ${goal.period} instead? \`/goal edit\``;
  return `🌱 ${title}: ${progress}. ${kind}${offer}`;
}

/** The personal recap by DM (SPEC §4): only the member's own figures, goals, streak and an old win of theirs. */
export function composePersonalRecap(data: PersonalWeekData, options: { random: () => number }): PersonalRecapContent {
  const closing = closings[randomIndex(closings.length, options.random)] ?? closings[0];
  return {
    weekStart: data.weekStart,
    lines: [weekLine(data.winsThisWeek, data.usualWeek), streakLine(data.streakWeeks), closing],
    goalLines: data.goals.map(goalLine),
    oldWin: data.oldWin === undefined ? undefined : { text: shownText(data.oldWin.text, OLD_WIN_TEXT_MAX), date: localDateOf(data.timezone, data.oldWin.occurredAt) },
  };
}
