import type { APIEmbed } from 'discord-api-types/v10';
import { celebrationOf, celebrationTitle, describeWinAdds, type WinCelebrationContent, type WinTally } from '../../domain/celebrate.js';
import { goalProgressLine } from './goal-line.js';
import { winEmbed } from './win-embed.js';

export type { RecordedCounts } from '../../domain/celebrate.js';

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

/** The celebratory embed for a just-saved win, with what it adds ("3rd win this week"). */
export function celebrateWin(celebration: WinCelebration): APIEmbed {
  const { win, extraLine, tally, daysAgo } = celebration;
  const adds = tally ? describeWinAdds({ ...tally, daysAgo }) : loggedWithoutCount(daysAgo);
  const lines = extraLine ? `${adds}\n${extraLine}` : adds;
  return winEmbed({ userId: win.userId, text: win.text, title: celebrationTitle(win.id), adds: lines, isPrivate: win.isPrivate });
}

/** The reply's embed for its audience, and the lines for the member alone. */
export function renderCelebration(content: WinCelebrationContent): { embed: APIEmbed; privateLines: string[] } {
  const privateLines = [content.trueCount, content.ownGoal && goalProgressLine(content.ownGoal)].filter((line): line is string => Boolean(line));
  const extraLine = content.goal && goalProgressLine(content.goal);
  return { embed: celebrateWin({ win: content.win, tally: content.tally, daysAgo: content.daysAgo, extraLine }), privateLines };
}

/** The reply to a just-saved win, from its counts (see `celebrationOf`). */
export function winReply(input: Parameters<typeof celebrationOf>[0]): { embed: APIEmbed; privateLines: string[] } {
  return renderCelebration(celebrationOf(input));
}
