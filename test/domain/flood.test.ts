import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FloodGuard, FLOOD_LIMITS, judgeWrite, type FloodVerdict } from '../../src/domain/flood.js';

const limits = { burst: { max: 3, perMs: 1_000 }, publicPosts: { max: 2, perMs: 10_000 } };

function run(times: number[], wantsPublic = true): FloodVerdict[] {
  let history = { writes: [] as number[], publicPosts: [] as number[] };
  return times.map((t) => {
    const { verdict, ...next } = judgeWrite(history, t, wantsPublic, limits);
    history = next;
    return verdict;
  });
}

describe('flood limits (pure)', () => {
  it('celebrates the first few in public, then privately, then asks to slow down', () => {
    expect(run([0, 1, 2, 3])).toEqual(['public', 'public', 'private', 'slow-down']);
  });

  it('lets a member in again once the burst window has passed, counting only accepted writes', () => {
    expect(run([0, 1, 2, 3, 500, 999, 1_001])).toEqual(['public', 'public', 'private', 'slow-down', 'slow-down', 'slow-down', 'private']);
  });

  it('a private win never takes a public post', () => {
    expect(run([0, 2_000, 4_000], false)).toEqual(['private', 'private', 'private']);
  });

  it('forgets times a clock set back has put in the future', () => {
    expect(run([5_000, 5_001, 5_002, 100])).toEqual(['public', 'public', 'private', 'public']);
  });

  it('never accepts more than the limits allow in any window, whatever the timing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 200 }), (gaps) => {
        const times = gaps.reduce<number[]>((acc, gap) => [...acc, (acc.at(-1) ?? 0) + gap], []);
        const verdicts = run(times);
        for (const t of times) {
          const inBurst = times.filter((u, i) => u > t - limits.burst.perMs && u <= t && verdicts[i] !== 'slow-down');
          const inPublic = times.filter((u, i) => u > t - limits.publicPosts.perMs && u <= t && verdicts[i] === 'public');
          expect(inBurst.length).toBeLessThanOrEqual(limits.burst.max);
          expect(inPublic.length).toBeLessThanOrEqual(limits.publicPosts.max);
        }
      }),
    );
  });
});

describe('FloodGuard', () => {
  const alice = { guildId: '1', userId: '2' };
  it('keeps channels apart for public posts but counts every write toward one burst', () => {
    const guard = new FloodGuard(limits);
    const now = new Date(0);
    expect(['a', 'a', 'a'].map((c) => guard.judge(alice, c, true, now))).toEqual(['public', 'public', 'private']);
    expect(guard.judge(alice, 'b', true, now)).toBe('slow-down');
    expect(guard.judge(alice, 'b', true, new Date(1_000))).toBe('public');
    expect(guard.judge({ guildId: '1', userId: '3' }, 'a', true, now)).toBe('public');
  });

  it('forgets quiet members, so memory stays bounded', () => {
    const guard = new FloodGuard(FLOOD_LIMITS);
    for (let i = 0; i < 5_000; i++) guard.judge({ guildId: '1', userId: String(i) }, 'c', true, new Date(i * 1_000));
    expect(guard.size).toBeLessThan(2_000);
  });
});
