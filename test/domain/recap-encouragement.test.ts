import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENCOURAGEMENT_BANK, SITUATIONS, type Situation } from '../../src/domain/recap/encouragement.js';
import { chooseEncouragement, primarySituation, recapSituations } from '../../src/domain/recap/situation.js';
import { seeded } from './recap-support.js';

/** Shaming or competitive words the bot's voice never uses (SPEC §1.3, §1.5). */
const DENY = [
  'leaderboard', 'rank', 'top ', 'best member', 'lazy', 'failure', 'fail', 'should have', 'behind', 'winner',
  'most wins', 'most active', 'beat ', 'compet', 'ahead of', 'slack', 'shame', 'disappoint', 'excuse', 'no wins at all',
  '0 wins', 'zero', 'guilt', 'only managed', 'must ', 'need to do better',
];

const RECAP_WEEKS_REMEMBERED = 8;
const situation = (overrides: Partial<Parameters<typeof primarySituation>[0]>) =>
  primarySituation({ winCount: 10, firstRecap: false, previousWeekCounts: [10, 10, 10, 10], firstTimers: 0, ...overrides });

describe('the encouragement bank', () => {
  it('holds at least 40 distinct lines with distinct, stable ids', () => {
    expect(ENCOURAGEMENT_BANK.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ENCOURAGEMENT_BANK.map((line) => line.id)).size).toBe(ENCOURAGEMENT_BANK.length);
    expect(new Set(ENCOURAGEMENT_BANK.map((line) => line.text)).size).toBe(ENCOURAGEMENT_BANK.length);
    expect(ENCOURAGEMENT_BANK.find((line) => line.id === 'quiet-03')?.situation).toBe('quiet');
    for (const line of ENCOURAGEMENT_BANK) expect(line.id).toMatch(new RegExp(`^${line.situation}-\\d{2}$`));
  });

  it('has several lines for every situation, and enough general ones to stand in for any', () => {
    for (const s of SITUATIONS) expect(ENCOURAGEMENT_BANK.filter((line) => line.situation === s).length, s).toBeGreaterThanOrEqual(5);
    expect(ENCOURAGEMENT_BANK.filter((line) => line.situation === 'steady').length).toBeGreaterThanOrEqual(10);
  });

  it('never uses a shaming or competitive word', () => {
    for (const line of ENCOURAGEMENT_BANK) {
      for (const word of DENY) expect(line.text.toLowerCase(), `${line.id} contains "${word}"`).not.toContain(word);
    }
  });

  it('keeps every line short enough to read at a glance', () => {
    for (const line of ENCOURAGEMENT_BANK) expect(line.text.length, line.id).toBeLessThanOrEqual(160);
  });
});

describe('the week’s situation', () => {
  it('is empty without wins, whatever else is true', () => {
    expect(situation({ winCount: 0, firstRecap: true, previousWeekCounts: [0] })).toBe('empty');
  });

  it('is the first week on the server’s first recap', () => {
    expect(situation({ firstRecap: true, previousWeekCounts: [] })).toBe('first-week');
  });

  it('is a comeback when wins follow a week with none', () => {
    expect(situation({ winCount: 2, previousWeekCounts: [0, 5, 5] })).toBe('comeback');
  });

  it('is busy well above the server’s own usual pace and quiet well below it', () => {
    expect(situation({ winCount: 20 })).toBe('busy');
    expect(situation({ winCount: 4 })).toBe('quiet');
    expect(situation({ winCount: 12 })).toBe('steady');
    expect(situation({ winCount: 8 })).toBe('steady');
  });

  it('does not call a tiny change busy or quiet', () => {
    expect(situation({ winCount: 2, previousWeekCounts: [1, 1, 1, 1] })).toBe('steady');
    expect(situation({ winCount: 1, previousWeekCounts: [2, 2, 2, 2] })).toBe('steady');
    expect(situation({ winCount: 5, previousWeekCounts: [] })).toBe('steady');
  });

  it('adds a welcome line when someone logged their first win, except on the first or an empty week', () => {
    const base = { winCount: 10, firstRecap: false, previousWeekCounts: [10], firstTimers: 2 };
    expect(recapSituations(base)).toEqual(['steady', 'first-win']);
    expect(recapSituations({ ...base, firstRecap: true })).toEqual(['first-week']);
    expect(recapSituations({ ...base, winCount: 0 })).toEqual(['empty']);
    expect(recapSituations({ ...base, firstTimers: 0 })).toEqual(['steady']);
  });
});

describe('chooseEncouragement', () => {
  it('draws from the pool of the week’s situation', () => {
    for (const s of SITUATIONS) {
      const [line] = chooseEncouragement([s], new Set(), seeded(7));
      expect(line?.situation).toBe(s);
    }
  });

  it('falls back to the general lines when every line of the situation was used recently', () => {
    const recent = new Set(ENCOURAGEMENT_BANK.filter((line) => line.situation === 'first-week').map((line) => line.id));
    const [line] = chooseEncouragement(['first-week'], recent, seeded(1));
    expect(line?.situation).toBe('steady');
  });

  it('falls back to the whole bank when the general lines are used up too', () => {
    const used = ENCOURAGEMENT_BANK.filter((line) => line.situation === 'busy' || line.situation === 'steady');
    const [line] = chooseEncouragement(['busy'], new Set(used.map((l) => l.id)), seeded(1));
    expect(ENCOURAGEMENT_BANK).toContain(line);
    expect(used.map((l) => l.id)).not.toContain(line?.id);
  });

  it('always finds lines not used in the last 8 weeks, since 8 weeks use at most 16 of them', () => {
    const ids = ENCOURAGEMENT_BANK.map((line) => line.id);
    expect(ids.length).toBeGreaterThan(2 * RECAP_WEEKS_REMEMBERED);
    fc.assert(
      fc.property(
        fc.subarray(ids, { maxLength: 2 * RECAP_WEEKS_REMEMBERED }),
        fc.subarray([...SITUATIONS], { minLength: 1, maxLength: 2 }),
        fc.integer(),
        (recent, situations, seed) => {
          const chosen = chooseEncouragement(situations, new Set(recent), seeded(seed));
          expect(chosen).toHaveLength(situations.length);
          for (const line of chosen) expect(recent).not.toContain(line.id);
          expect(new Set(chosen.map((l) => l.id)).size).toBe(chosen.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never repeats a line in a server within 8 weeks, over a year of varied weeks', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const random = seeded(seed);
      const history: string[][] = [];
      for (let week = 0; week < 52; week++) {
        // Long runs of one situation are the hardest case for a pool, so some stretches repeat.
        const pick = SITUATIONS[Math.floor(random() * SITUATIONS.length)] as Situation;
        const situations: Situation[] = week % 13 < 6 ? ['quiet', 'first-win'] : week % 13 < 9 ? ['empty'] : [pick, 'first-win'];
        const recent = new Set(history.slice(-RECAP_WEEKS_REMEMBERED).flat());
        history.push(chooseEncouragement(situations, recent, random).map((line) => line.id));
      }
      for (let start = 0; start + RECAP_WEEKS_REMEMBERED + 1 <= history.length; start++) {
        const window = history.slice(start, start + RECAP_WEEKS_REMEMBERED + 1).flat();
        expect(new Set(window).size, `weeks ${start}…${start + 8}, seed ${seed}`).toBe(window.length);
      }
      expect(history.every((ids) => ids.length >= 1)).toBe(true);
    }
  });
});
