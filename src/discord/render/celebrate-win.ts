import type { APIEmbed } from 'discord-api-types/v10';
import { celebrationOf, celebrationTitle, describeWinAdds, type WinCelebrationContent, type WinTally } from '../../domain/celebrate.js';
import { english, type Translator } from '../../i18n/index.js';
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

/** The celebratory embed for a just-saved win, with what it adds ("3rd win this week"); "Logged. 🌱" when a count would be false. */
export function celebrateWin(celebration: WinCelebration, tr: Translator = english): APIEmbed {
  const { win, extraLine, tally, daysAgo } = celebration;
  const adds = tally ? tr.say(describeWinAdds({ weekCount: tally.weekCount, currentWeek: tally.currentWeek, firstHere: tally.firstHere, daysAgo })) : tr.t('win.logged', { daysAgo });
  const lines = extraLine ? `${adds}\n${extraLine}` : adds;
  return winEmbed({ userId: win.userId, text: win.text, title: tr.say(celebrationTitle(win.id)), adds: lines, isPrivate: win.isPrivate }, tr);
}

/** The reply's embed for its audience, and the lines for the member alone. */
export function renderCelebration(content: WinCelebrationContent, tr: Translator = english): { embed: APIEmbed; privateLines: string[] } {
  const privateLines = [content.trueCount && tr.say(content.trueCount), content.ownGoal && goalProgressLine(content.ownGoal, tr)].filter((line): line is string => Boolean(line));
  const extraLine = content.goal && goalProgressLine(content.goal, tr);
  return { embed: celebrateWin({ win: content.win, tally: content.tally, daysAgo: content.daysAgo, extraLine }, tr), privateLines };
}

/** The reply to a just-saved win, from its counts (see `celebrationOf`). */
export function winReply(input: Parameters<typeof celebrationOf>[0], tr: Translator = english): { embed: APIEmbed; privateLines: string[] } {
  return renderCelebration(celebrationOf(input), tr);
}
