import { msg, type Msg } from './message.js';

/** English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd. */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// Catalogue keys win.title.0 … win.title.6 (src/i18n): the same win always gets the same one.
const TITLE_COUNT = 7;

/** A varied but reproducible title: the same win always gets the same one. */
export function celebrationTitle(seed: number): Msg {
  return msg(`win.title.${Math.abs(seed) % TITLE_COUNT}`);
}

export interface WinTally {
  /** Wins in the week (Monday start, member's timezone) the win belongs to, this one included. */
  weekCount: number;
  /** Whether that week is the current one. */
  currentWeek: boolean;
  /** Whether this is the member's first win in this server (of those this audience may know). */
  firstHere: boolean;
  daysAgo: number;
}

/** " (logged for yesterday)" for a backdated win; empty for today's. */
export function loggedForNote(daysAgo: number): Msg {
  return msg('win.loggedFor', { daysAgo });
}

/** What this win adds, in the member's own terms: never compared with anyone else. */
export function describeWinAdds(tally: WinTally): Msg {
  const when = loggedForNote(tally.daysAgo);
  if (tally.firstHere) return msg('win.adds.firstHere', { when });
  const current = tally.currentWeek ? 'yes' : 'no';
  if (tally.weekCount === 1) return msg('win.adds.firstInWeek', { current, when });
  return msg('win.adds.nth', { count: tally.weekCount, current, when });
}

/** Whether `now` falls in the period: "this week" rather than "that week". */
export function isCurrentPeriod(range: { start: Date; end: Date }, now: Date): boolean {
  return range.start.getTime() <= now.getTime() && now.getTime() < range.end.getTime();
}

/** The member's true count, private wins included, for their eyes only when the public reply could not say it. */
export function describeTrueCount(tally: Omit<WinTally, 'daysAgo'>): Msg {
  return msg('win.adds.trueCount', { count: tally.weekCount, current: tally.currentWeek ? 'yes' : 'no' });
}

export interface WinCountPair {
  /** Every win of the member: what is true for them. */
  all: { weekCount: number; firstHere: boolean };
  /** Public wins only: what others may be told. */
  shown: { weekCount: number; firstHere: boolean };
}

/**
 * What a win's reply may count: the shown figures when they are also true for the member,
 * else none in the reply and the true ones in a note for the member alone (issue: a public reply
 * must neither hint at private wins nor tell the member something false).
 */
export function honestTally(counts: WinCountPair, isPrivate: boolean, currentWeek: boolean): { tally?: Omit<WinTally, 'daysAgo'>; privateNote?: Msg } {
  const shown = isPrivate ? counts.all : counts.shown;
  // Field by field, not `{ ...shown, currentWeek }`: on Node 20 (V8 11) that gets a hidden class of its own every time.
  if (shown.weekCount === counts.all.weekCount && shown.firstHere === counts.all.firstHere) return { tally: { weekCount: shown.weekCount, firstHere: shown.firstHere, currentWeek } };
  return { privateNote: describeTrueCount({ weekCount: counts.all.weekCount, firstHere: counts.all.firstHere, currentWeek }) };
}

/** What the write returned: the win's counts among all the member's wins and among public ones. */
export interface RecordedCounts {
  weekCount: number;
  weekPublicCount: number;
  firstEver: boolean;
  firstPublic: boolean;
  goal?: { count: number; publicCount: number; target: number; period: 'week' | 'month' } | undefined;
}

/** A goal's count in the period a win landed in, with the target that period has. */
export interface GoalPeriodFacts {
  title: string;
  count: number;
  target: number;
  period: 'week' | 'month';
  /** Whether that period is the current one. */
  current: boolean;
}

/** What a just-saved win's reply says, for its audience, and what only its author may be told. */
export interface WinCelebrationContent {
  win: { id: number; userId: string; text: string; isPrivate: boolean };
  daysAgo: number;
  /** Absent when the counts this audience may see would be false to the member (private wins left out). */
  tally: Omit<WinTally, 'daysAgo'> | undefined;
  /** The goal's progress, when the reply's audience may see it. */
  goal?: GoalPeriodFacts | undefined;
  /** For the member alone: their true count when the reply could not say it. */
  trueCount?: Msg | undefined;
  /** For the member alone: a goal the reply's audience may not see, or whose public count would be false. */
  ownGoal?: GoalPeriodFacts | undefined;
}

/**
 * What the reply to a just-saved win may say: never a false count, never a hint of private wins in
 * public. A goal shows in public only when its owner shared it with the server, with a count true for them.
 */
export function celebrationOf(input: {
  win: WinCelebrationContent['win'];
  counts: RecordedCounts;
  daysAgo: number;
  weekIsCurrent: boolean;
  goal?: { title: string; share: string; periodIsCurrent: boolean } | undefined;
}): WinCelebrationContent {
  const { win, counts, goal } = input;
  const pair = { all: { weekCount: counts.weekCount, firstHere: counts.firstEver }, shown: { weekCount: counts.weekPublicCount, firstHere: counts.firstPublic } };
  const { tally, privateNote } = honestTally(pair, win.isPrivate, input.weekIsCurrent);
  const content: WinCelebrationContent = { win, daysAgo: input.daysAgo, tally, trueCount: privateNote };
  if (goal && counts.goal) {
    const facts = { title: goal.title, count: counts.goal.count, target: counts.goal.target, period: counts.goal.period, current: goal.periodIsCurrent };
    const inPublic = goal.share === 'server' && !win.isPrivate;
    if (win.isPrivate || (inPublic && counts.goal.publicCount === counts.goal.count)) content.goal = facts;
    else content.ownGoal = facts;
  }
  return content;
}
