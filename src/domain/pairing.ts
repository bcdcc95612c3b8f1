import { shuffled } from './seeded-random.js';

/** Weeks a pair is remembered, so the same two are not paired again too soon (SPEC §5). */
export const PAIR_MEMORY_WEEKS = 4;
/** Shuffles tried before settling for the arrangement with the fewest repeats. */
export const PAIRING_ATTEMPTS = 200;

/** The key of a pair in `recentPairs`, the same whichever order the two come in. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Every pair inside a group: one for a pair, three for a trio. */
export function pairsIn(group: readonly string[]): string[] {
  const keys: string[] = [];
  for (let i = 0; i < group.length; i++) {
    for (let j = i + 1; j < group.length; j++) keys.push(pairKey(group[i] ?? '', group[j] ?? ''));
  }
  return keys;
}

/** Consecutive pairs; an odd one out joins the last pair as a trio. */
function groupInOrder(ids: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i + 1 < ids.length; i += 2) groups.push([ids[i] ?? '', ids[i + 1] ?? '']);
  const last = groups.at(-1);
  if (ids.length % 2 === 1 && last) last.push(ids[ids.length - 1] ?? '');
  return groups;
}

const repeatsIn = (groups: readonly string[][], recentPairs: ReadonlySet<string>) =>
  groups.reduce((n, group) => n + pairsIn(group).filter((key) => recentPairs.has(key)).length, 0);

/**
 * Groups members in pairs (an odd member makes one trio; a lone member gets no group), preferring
 * the arrangement with the fewest pairs found in `recentPairs` among many random shuffles.
 * Deterministic for a given `random`, whatever order the ids come in.
 */
export function pairMembers(memberIds: readonly string[], recentPairs: ReadonlySet<string>, random: () => number): string[][] {
  const ids = [...new Set(memberIds)].sort();
  if (ids.length < 2) return [];
  let best = groupInOrder(shuffled(ids, random));
  let bestRepeats = repeatsIn(best, recentPairs);
  for (let attempt = 1; attempt < PAIRING_ATTEMPTS && bestRepeats > 0; attempt++) {
    const candidate = groupInOrder(shuffled(ids, random));
    const repeats = repeatsIn(candidate, recentPairs);
    if (repeats < bestRepeats) {
      best = candidate;
      bestRepeats = repeats;
    }
  }
  return best;
}
