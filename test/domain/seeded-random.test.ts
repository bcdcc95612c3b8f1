import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/seeded-random.js';

describe('seeded randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = seededRandom('guild:2026-W48');
    const b = seededRandom('guild:2026-W48');
    const c = seededRandom('guild:2026-W49');
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(Array.from({ length: 5 }, c)).not.toEqual(first);
  });

  it('spreads values evenly over [0, 1)', () => {
    const random = seededRandom('spread');
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(900);
  });
});
