import type { RecapWin } from './types.js';
import { randomIndex, shuffled } from '../seeded-random.js';

export const HIGHLIGHTS_MAX = 5;

/**
 * Up to `max` wins for the recap, chosen among members, never by volume (SPEC §4): members are
 * drawn uniformly without replacement, each shown with one of their wins picked at random. Only
 * when fewer members than `max` logged wins do further wins fill in, one more per member in turn.
 */
export function pickHighlights(wins: readonly RecapWin[], random: () => number, max = HIGHLIGHTS_MAX): RecapWin[] {
  const byMember = new Map<string, RecapWin[]>();
  const seen = new Set<number>();
  for (const win of wins) {
    if (seen.has(win.id)) continue;
    seen.add(win.id);
    const own = byMember.get(win.userId);
    if (own === undefined) byMember.set(win.userId, [win]);
    else own.push(win);
  }
  const members = shuffled([...byMember.keys()], random).slice(0, max);
  const chosen: RecapWin[] = [];
  // Round after round over the same members in the same order: the first round is one win each.
  while (chosen.length < max) {
    let added = false;
    for (const member of members) {
      const remaining = byMember.get(member);
      if (remaining === undefined || remaining.length === 0 || chosen.length >= max) continue;
      const [win] = remaining.splice(randomIndex(remaining.length, random), 1);
      if (win !== undefined) chosen.push(win);
      added = true;
    }
    if (!added) break;
  }
  return chosen;
}
