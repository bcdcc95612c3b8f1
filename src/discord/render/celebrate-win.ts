import type { APIEmbed } from 'discord.js';
import { celebrationTitle, describeWinAdds, honestTally, type WinTally } from '../../domain/celebrate.js';
import { goalProgressLine } from './goal-line.js';
import { winEmbed } from './win-embed.js';

/** The just-saved win and the plain counts the reply tells about it. */
export interface WinCelebration {
  win: { id: number; userId: string; text: string; isPrivate: boolean };
  daysAgo: number;
  /** Absent when the counts this audience may see would be false to the member (private wins left out). */
  tally: Omit<WinTally, 'daysAgo'> | undefined;
  extraLine?: string | undefined;
}

/** "Logged. 🌱", or "Logged for yesterday. 🌱": no count, when a count this audience may see would be false. */
function loggedWithoutCount(daysAgo: number): string {
  if (daysAgo === 0) return 'Logged. 🌱';
  return `Logged for ${daysAgo === 1 ? 'yesterday' : `${daysAgo} days ago`}. 🌱`;
}

/**
 * The celebratory embed for a just-saved win, with what it adds ("3rd win this week").
 * The counts come from the caller: for a public win, public wins only, so the reply never hints at private ones.
 */
export function celebrateWin(celebration: WinCelebration): APIEmbed {
  const { win, extraLine, tally, daysAgo } = celebration;
  const adds = tally ? describeWinAdds({ ...tally, daysAgo }) : loggedWithoutCount(daysAgo);
  const lines = extraLine ? `${adds}\n${extraLine}` : adds;
  return winEmbed({ userId: win.userId, text: win.text, title: celebrationTitle(win.id), adds: lines, isPrivate: win.isPrivate });
}

/** What the write returned: the win's counts among all the member's wins and among public ones. */
export interface RecordedCounts {
  weekCount: number;
  weekPublicCount: number;
  firstEver: boolean;
  firstPublic: boolean;
  goal?: { count: number; publicCount: number; target: number; period: 'week' | 'month' } | undefined;
}

/**
 * The reply to a just-saved win: the embed for its audience, and lines for the member alone when
 * the public figures would leave out their private wins (never a false count, never a hint in public).
 */
export function winReply(input: {
  win: WinCelebration['win'];
  counts: RecordedCounts;
  daysAgo: number;
  weekIsCurrent: boolean;
  goal?: { title: string; share: string; periodIsCurrent: boolean } | undefined;
}): { embed: APIEmbed; privateLines: string[] } {
  const { win, counts, goal } = input;
  const pair = { all: { weekCount: counts.weekCount, firstHere: counts.firstEver }, shown: { weekCount: counts.weekPublicCount, firstHere: counts.firstPublic } };
  const { tally, privateNote } = honestTally(pair, win.isPrivate, input.weekIsCurrent);
  const privateLines = privateNote ? [privateNote] : [];
  let extraLine: string | undefined;
  if (goal && counts.goal) {
    const truth = { title: goal.title, count: counts.goal.count, target: counts.goal.target, period: counts.goal.period, current: goal.periodIsCurrent };
    // A goal shows in public only when its owner shared it with the server, and only with a count true for them.
    const inPublic = goal.share === 'server' && !win.isPrivate;
    if (win.isPrivate || (inPublic && counts.goal.publicCount === counts.goal.count)) extraLine = goalProgressLine(truth);
    else privateLines.push(goalProgressLine(truth));
  }
  return { embed: celebrateWin({ win, tally, daysAgo: input.daysAgo, extraLine }), privateLines };
}
