import { progressBar } from '../goals.js';
import { localDateOf } from '../time.js';
import { collapseWhitespace, countOf, formatLongDate, randomIndex, shownText, summarise } from './text.js';
import type { OutgoingMessage, PersonalWeekData } from './types.js';

export const PERSONAL_COLOUR = 0x57f287;
const GOALS_VALUE_MAX = 1000;
const GOAL_TITLE_MAX = 80;
const OLD_WIN_TEXT_MAX = 300;
const FOOTER = 'Only you get this, and it only ever compares you with you. Turn it off with /settings dms:false.';

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

function goalsValue(goals: PersonalWeekData['goals']): string {
  const shown: string[] = [];
  let length = 0;
  for (const [i, goal] of goals.entries()) {
    const line = goalLine(goal);
    const rest = goals.length - i;
    const note = `…and ${rest} more in \`/goal list\`.`;
    // Keep room for the note whenever more goals follow this one.
    const reserve = rest > 1 ? note.length + 2 : 0;
    if (length + line.length + 2 + reserve > GOALS_VALUE_MAX) {
      shown.push(note);
      break;
    }
    shown.push(line);
    length += line.length + 2;
  }
  return shown.join('\n\n');
}

/** The personal recap by DM (SPEC §4): only the member's own figures, goals, streak and an old win of theirs. */
export function composePersonalRecap(data: PersonalWeekData, options: { random: () => number }): OutgoingMessage {
  const fields: { name: string; value: string }[] = [];
  if (data.goals.length > 0) fields.push({ name: 'Your goals', value: goalsValue(data.goals) });
  if (data.oldWin !== undefined) {
    const when = formatLongDate(localDateOf(data.timezone, data.oldWin.occurredAt));
    fields.push({ name: 'Remember this? 🌱', value: `On ${when} you logged:\n> ${shownText(data.oldWin.text, OLD_WIN_TEXT_MAX)}` });
  }
  const closing = closings[randomIndex(closings.length, options.random)] ?? closings[0];
  return {
    embeds: [
      {
        title: `Your week of ${formatLongDate(data.weekStart)}`,
        description: [weekLine(data.winsThisWeek, data.usualWeek), streakLine(data.streakWeeks), closing].join('\n\n'),
        color: PERSONAL_COLOUR,
        ...(fields.length > 0 ? { fields } : {}),
        footer: { text: FOOTER },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
