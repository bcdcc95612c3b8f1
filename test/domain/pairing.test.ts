import { describe, expect, it } from 'vitest';
import { pairKey, pairMembers, pairsIn } from '../../src/domain/pairing.js';
import { seededRandom } from '../../src/domain/seeded-random.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `member-${String(i).padStart(2, '0')}`);
const none = new Set<string>();

describe('pairing partners', () => {
  it('puts every member in exactly one group, in pairs, with a trio for an odd count', () => {
    for (let n = 2; n <= 21; n++) {
      const groups = pairMembers(ids(n), none, seededRandom(`count-${n}`));
      expect(groups.flat().sort()).toEqual(ids(n));
      const sizes = groups.map((g) => g.length).sort();
      expect(sizes.filter((s) => s === 3)).toHaveLength(n % 2);
      expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
    }
  });

  it('makes no group for a lone member, or for nobody', () => {
    expect(pairMembers(['only-one'], none, seededRandom('x'))).toEqual([]);
    expect(pairMembers([], none, seededRandom('x'))).toEqual([]);
  });

  it('pairs three members as one trio', () => {
    expect(pairMembers(['a', 'b', 'c'], none, seededRandom('trio')).map((g) => [...g].sort())).toEqual([['a', 'b', 'c']]);
  });

  it('avoids pairs that met recently when another arrangement exists', () => {
    const recent = new Set([pairKey('a', 'b'), pairKey('d', 'c')]);
    for (let seed = 0; seed < 50; seed++) {
      const groups = pairMembers(['a', 'b', 'c', 'd'], recent, seededRandom(`avoid-${seed}`));
      expect(groups.flatMap(pairsIn).filter((key) => recent.has(key))).toEqual([]);
    }
  });

  it('keeps the arrangement with the fewest repeats when repeats cannot all be avoided', () => {
    // With a, b, c all having met each other, one of them must pair with d and the other two repeat.
    const recent = new Set([pairKey('a', 'b'), pairKey('b', 'c'), pairKey('a', 'c')]);
    const groups = pairMembers(['a', 'b', 'c', 'd'], recent, seededRandom('fewest'));
    expect(groups.flatMap(pairsIn).filter((key) => recent.has(key))).toHaveLength(1);
  });

  it('is deterministic for a seed, whatever order the members come in', () => {
    const members = ids(11);
    const recent = new Set([pairKey('member-00', 'member-01'), pairKey('member-02', 'member-03')]);
    const first = pairMembers(members, recent, seededRandom('same-seed'));
    const again = pairMembers([...members].reverse(), recent, seededRandom('same-seed'));
    expect(again).toEqual(first);
    expect(pairMembers(members, recent, seededRandom('another-seed'))).not.toEqual(first);
  });

  it('keys a pair the same way whichever member comes first', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairsIn(['c', 'a', 'b']).sort()).toEqual(['a|b', 'a|c', 'b|c']);
  });
});
