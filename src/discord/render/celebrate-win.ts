import type { APIEmbed } from 'discord.js';
import { celebrationTitle, describeWinAdds, loggedForNote, type WinTally } from '../../domain/celebrate.js';
import { winEmbed } from './win-embed.js';

/** The just-saved win and the plain counts the reply tells about it. */
export interface WinCelebration {
  win: { id: number; userId: string; text: string; isPrivate: boolean };
  daysAgo: number;
  /** Absent when the counts this audience may see would be false to the member (private wins left out). */
  tally: Omit<WinTally, 'daysAgo'> | undefined;
  extraLine?: string | undefined;
}

/**
 * The celebratory embed for a just-saved win, with what it adds ("3rd win this week").
 * The counts come from the caller: for a public win, public wins only, so the reply never hints at private ones.
 */
export function celebrateWin(celebration: WinCelebration): APIEmbed {
  const { win, extraLine, tally, daysAgo } = celebration;
  const adds = tally ? describeWinAdds({ ...tally, daysAgo }) : `Logged${loggedForNote(daysAgo)}. 🌱`;
  const lines = extraLine ? `${adds}\n${extraLine}` : adds;
  return winEmbed({ userId: win.userId, text: win.text, title: celebrationTitle(win.id), adds: lines, isPrivate: win.isPrivate });
}
