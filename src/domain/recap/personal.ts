import { progressBar } from '../goals.js';
import { paceOf, streakLine, usualInWords } from '../own-pace.js';
import { epochDayOf, localDateOf, type LocalDate } from '../time.js';
import { pickOne } from '../seeded-random.js';
import { collapseWhitespace, countOf, shownText, summarise } from './text.js';
import type { PersonalRecapContent, PersonalWeekData } from './types.js';

const GOAL_TITLE_MAX = 80;
const OLD_WIN_TEXT_MAX = 300;

// 'quiet' closings would jar after a good week ("you may fall short" to someone on a roll).
const closings: readonly { text: string; weeks: 'any' | 'quiet' }[] = [
  { text: 'Whatever next week brings, every size counts.', weeks: 'any' },
  { text: 'Rest is part of it. So is starting again.', weeks: 'quiet' },
  { text: 'You can do your best and still fall short. You are still doing the thing.', weeks: 'quiet' },
  { text: 'One small win at a time: that is the whole trick.', weeks: 'any' },
  { text: 'Be as kind to yourself next week as you would be to a friend.', weeks: 'any' },
  { text: 'Next week is a fresh page, and it is yours.', weeks: 'any' },
];

// More lines than weeks in two months, taken in turn by week: a long quiet stretch never loops within 8 weeks.
const QUIET_WEEK_LINES = [
  'A quiet week, with no wins logged, and that’s okay: rest is part of it. One small thing is enough to start again.',
  'No wins logged this week. Some weeks are for getting through, and that counts too.',
  'Nothing logged this week, and nothing to catch up on either. The next small thing can be tiny.',
  'A gentle week in the log. If you did one small thing and didn’t write it down, it still happened.',
  'The log was quiet this week. Resting is part of the work, not a break from it.',
  'A pause in the log this week. When you’re ready, a few words about one small thing are plenty.',
  'This week stayed off the log, and that’s allowed. Weeks like this are part of every long story.',
  'No wins this week. Catching your breath is part of it too.',
  'A still week. Whenever you feel like it, one small step is a fine place to pick things up.',
  'A week without entries, which happens to everyone. You are still here, and that is what matters.',
] as const;

type Goal = PersonalWeekData['goals'][number];

/** This week against the member's own usual week: the only comparison the bot makes (SPEC §1.3). */
export function weekLine(wins: number, usual: number | undefined, weekStart?: LocalDate, weekOver = true): string {
  // A week not over for the member (Los Angeles on a Paris Sunday evening) is "so far", never a quiet week yet.
  if (wins <= 0 && !weekOver) return 'No wins logged yet this week, and there’s still a little of it left. One small thing is plenty.';
  if (wins <= 0) return QUIET_WEEK_LINES[weekStart ? Math.floor(epochDayOf(weekStart) / 7) % QUIET_WEEK_LINES.length : 0] ?? QUIET_WEEK_LINES[0];
  const logged = `You logged ${countOf(wins, 'win')} this week${weekOver ? '' : ' so far'}`;
  if (usual === undefined) return `${logged}. Soon you’ll have a usual week of your own to look back on. 🌱`;
  if (Math.round(usual * 10) === 0) return `${logged}, after a quiet month. Welcome back! 🌱`;
  const pace = paceOf(wins, usual);
  if (pace === 'ahead') return `${logged}: more than your usual week (${usualInWords(usual)}). 🌟`;
  if (pace === 'below') return `${logged}; you usually log ${usualInWords(usual)}. Quieter weeks are part of it, and every one of those wins counts.`;
  return `${logged}, right around your usual week (${usualInWords(usual)}). Steady. 🌿`;
}


/**
 * A goal's outcome, for the period its figures belong to: met is celebrated; a period not over yet is
 * "so far"; a miss partly on pause is not judged; a miss is met with kindness and, when a run of three
 * makes it new, a smaller offer (SPEC §1.5, §1.6, §4).
 */
export function goalLine(goal: Goal): string {
  const title = `**${summarise(collapseWhitespace(goal.title), GOAL_TITLE_MAX)}**`;
  const progress = `${progressBar(goal.count, goal.target)} ${goal.count}/${goal.target} ${goal.periodWords}`;
  switch (goal.outcome) {
    case 'met':
      return `✅ ${title}: ${progress}. Met! 🎉`;
    case 'so-far':
      return `🌱 ${title}: ${progress} so far. Your ${goal.period} isn’t over yet, so there’s still time, and no pressure either way.`;
    case 'paused':
      return `⏸️ ${title}: ${progress}. You took a pause during it, so it isn’t judged: rest is part of it too.`;
    case 'missed': {
      const kind = 'Not this time, and that’s okay: you can do your best and still fall short.';
      const offer =
        goal.smallerOffer === undefined
          ? ''
          : ` It hasn’t landed for a few ${goal.period}s running. Want to try ${goal.smallerOffer} a ${goal.period} instead? \`/goal edit\``;
      return `🌱 ${title}: ${progress}. ${kind}${offer}`;
    }
  }
}

/** The streak as of the reported week; while that week is still running and empty, the run is still open, not "begun" or "grown". */
function weekStreakLine(data: PersonalWeekData): string {
  const { current } = data.streaks;
  if (!data.weekOver && data.winsThisWeek <= 0 && !data.pausedNow && current > 0) {
    return `🔥 Your streak of ${countOf(current, 'week')} is still open: one small win before your week ends keeps it going.`;
  }
  return streakLine(data.streaks, data.pausedNow);
}

const sentencesOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[.!?:;]\s+|[.!?]$/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A closing that fits the week and repeats no sentence already in the DM. */
function closingFor(quiet: boolean, others: readonly string[], random: () => number): string {
  const said = others.join('\n').toLowerCase();
  const pool = closings.filter((c) => (quiet || c.weeks === 'any') && !sentencesOf(c.text).some((sentence) => said.includes(sentence)));
  return pickOne(pool, random)?.text ?? 'Next week is a fresh page, and it is yours.';
}

/** The personal recap by DM (SPEC §4): only the member's own figures, goals, streak and an old win of theirs. */
export function composePersonalRecap(data: PersonalWeekData, options: { random: () => number }): PersonalRecapContent {
  const lines = [weekLine(data.winsThisWeek, data.usualWeek, data.weekStart, data.weekOver), weekStreakLine(data)];
  const goalLines = data.goals.map(goalLine);
  // A week still running for the member is not yet a quiet one: no "you may fall short" before it ends.
  const quiet = data.weekOver && (data.winsThisWeek <= 0 || (data.usualWeek !== undefined && data.winsThisWeek < data.usualWeek - 0.5));
  return {
    weekStart: data.weekStart,
    lines: [...lines, closingFor(quiet, [...lines, ...goalLines], options.random)],
    goalLines,
    oldWin: data.oldWin === undefined ? undefined : { text: shownText(data.oldWin.text, OLD_WIN_TEXT_MAX), date: localDateOf(data.timezone, data.oldWin.occurredAt) },
    partners: [],
  };
}
