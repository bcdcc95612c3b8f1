import { progressBar } from '../goals.js';
import { msg, NOTHING, type Msg } from '../message.js';
import { paceOf, streakLine, usualInWords } from '../own-pace.js';
import { epochDayOf, localDateOf, type LocalDate } from '../time.js';
import { pickOne } from '../seeded-random.js';
import { collapseWhitespace, shownText, summarise, wholeCount } from './text.js';
import type { PersonalRecapContent, PersonalWeekData } from './types.js';

const GOAL_TITLE_MAX = 80;
const OLD_WIN_TEXT_MAX = 300;

// 'quiet' closings would jar after a good week ("you may fall short" to someone on a roll). `echoes`:
// the lines that already say what the closing would (rest, falling short), so a DM never says it twice.
const closings: readonly { key: string; weeks: 'any' | 'quiet'; echoes?: readonly string[] }[] = [
  { key: 'dm.closing.0', weeks: 'any' },
  { key: 'dm.closing.1', weeks: 'quiet', echoes: ['dm.week.quiet.0', 'dm.goal.paused'] },
  { key: 'dm.closing.2', weeks: 'quiet', echoes: ['dm.goal.missed', 'dm.goal.missedOffer'] },
  { key: 'dm.closing.3', weeks: 'any' },
  { key: 'dm.closing.4', weeks: 'any' },
  { key: 'dm.closing.5', weeks: 'any' },
];

// More lines than weeks in two months, taken in turn by week: a long quiet stretch never loops within 8 weeks.
const QUIET_WEEK_LINES = 10;

type Goal = PersonalWeekData['goals'][number];

/**
 * This week against the member's own usual week: the only comparison the bot makes (SPEC §1.3).
 * `paused`: a pause touched the week, which is then never judged (SPEC §4): not quiet, not weighed against the usual one.
 */
export function weekLine(wins: number, usual: number | undefined, weekStart?: LocalDate, weekOver = true, paused = false): Msg {
  if (wins <= 0 && paused) return msg('dm.week.paused');
  // A week not over for the member (Los Angeles on a Paris Sunday evening) is "so far", never a quiet week yet.
  if (wins <= 0 && !weekOver) return msg('dm.week.soFarEmpty');
  if (wins <= 0) return msg(`dm.week.quiet.${weekStart ? Math.floor(epochDayOf(weekStart) / 7) % QUIET_WEEK_LINES : 0}`);
  const logged = msg('dm.week.logged', { count: wholeCount(wins), over: weekOver ? 'yes' : 'no' });
  if (paused) return msg('dm.week.pausedLogged', { logged });
  if (usual === undefined) return msg('dm.week.new', { logged });
  if (Math.round(usual * 10) === 0) return msg('dm.week.back', { logged });
  return msg(`dm.week.${paceOf(wins, usual)}`, { logged, usual: usualInWords(usual) });
}

/**
 * A goal's outcome, for the period its figures belong to: met is celebrated; a period not over yet is
 * "so far"; a miss partly on pause is not judged; a miss is met with kindness and, when a run of three
 * makes it new, a smaller offer (SPEC §1.5, §1.6, §4).
 */
export function goalLine(goal: Goal): Msg {
  const title = `**${summarise(collapseWhitespace(goal.title), GOAL_TITLE_MAX)}**`;
  const progress = msg('dm.goal.progress', { bar: progressBar(goal.count, goal.target), count: goal.count, target: goal.target, periodWords: goal.periodWords });
  switch (goal.outcome) {
    case 'met':
      return msg('dm.goal.met', { title, progress });
    case 'so-far':
      return msg('dm.goal.soFar', { title, progress, period: goal.period });
    case 'paused':
      return msg('dm.goal.paused', { title, progress });
    case 'missed':
      return goal.smallerOffer === undefined
        ? msg('dm.goal.missed', { title, progress })
        : msg('dm.goal.missedOffer', { title, progress, period: goal.period, to: goal.smallerOffer });
  }
}

/**
 * The streak as of the reported week; while that week is still running and empty, the run is still open, not "begun" or "grown".
 * An empty week a pause touched neither breaks nor extends it, over or not (SPEC §1.5): it stayed frozen.
 */
function weekStreakLine(data: PersonalWeekData): Msg {
  const { current, best } = data.streaks;
  if (data.weekPaused && data.winsThisWeek <= 0 && !data.pausedNow && current > 0) {
    return msg('dm.streak.frozen', { count: current, best: best > current ? msg('pace.streak.best', { best }) : NOTHING });
  }
  if (!data.weekOver && data.winsThisWeek <= 0 && !data.pausedNow && current > 0) return msg('dm.streak.open', { count: current });
  return streakLine(data.streaks, data.pausedNow);
}

/** A closing that fits the week and repeats nothing already said in the DM. */
function closingFor(quiet: boolean, others: readonly Msg[], random: () => number): Msg {
  const said = new Set(others.map((line) => line.key));
  const pool = closings.filter((c) => (quiet || c.weeks === 'any') && !(c.echoes ?? []).some((key) => said.has(key)));
  return msg(pickOne(pool, random)?.key ?? 'dm.closing.5');
}

/** The personal recap by DM (SPEC §4): only the member's own figures, goals, streak and an old win of theirs. */
export function composePersonalRecap(data: PersonalWeekData, options: { random: () => number }): PersonalRecapContent {
  const paused = data.weekPaused ?? false;
  const lines = [weekLine(data.winsThisWeek, data.usualWeek, data.weekStart, data.weekOver, paused), weekStreakLine(data)];
  const goalLines = data.goals.map(goalLine);
  // A week still running for the member is not yet a quiet one, and a week a pause touched never is: no "you may fall short".
  const quiet = data.weekOver && !paused && (data.winsThisWeek <= 0 || (data.usualWeek !== undefined && data.winsThisWeek < data.usualWeek - 0.5));
  return {
    weekStart: data.weekStart,
    lines: [...lines, closingFor(quiet, [...lines, ...goalLines], options.random)],
    goalLines,
    oldWin: data.oldWin === undefined ? undefined : { text: shownText(data.oldWin.text, OLD_WIN_TEXT_MAX), date: localDateOf(data.timezone, data.oldWin.occurredAt) },
    partners: [],
  };
}
