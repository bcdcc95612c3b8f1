import { describe, expect, it } from 'vitest';
import { msg } from '../../src/domain/message.js';
import { composePersonalRecap } from '../../src/domain/recap/personal.js';
import { personalWeekOf, type PersonalWeekInput } from '../../src/domain/recap/personal-week.js';
import type { PersonalWeekData } from '../../src/domain/recap/types.js';
import { renderPersonalRecap } from '../../src/discord/render/dm-recap.js';
import { seeded, visibleText } from './recap-support.js';

// SPEC §4: "a week (or the part of it) spent on pause is never judged at all"; "One DM never contradicts itself".
// Alice logged a win in each of the two weeks before, then paused for the week of 7 December.
const thisWeek = msg('dm.periodWords.thisWeek');
const pausedGoal: PersonalWeekData['goals'][number] = { title: 'Walk', target: 1, count: 0, period: 'week', periodWords: thisWeek, outcome: 'paused', smallerOffer: undefined };
const pausedWeek = (overrides: Partial<PersonalWeekData> = {}): PersonalWeekData => ({
  weekStart: { year: 2026, month: 12, day: 7 },
  timezone: 'UTC',
  winsThisWeek: 0,
  usualWeek: 1,
  streaks: { current: 2, best: 2, bestBefore: 0 },
  pausedNow: false,
  weekOver: true,
  weekPaused: true,
  goals: [pausedGoal],
  oldWin: undefined,
  ...overrides,
});
const text = (data: PersonalWeekData, seed: number) => visibleText(renderPersonalRecap(composePersonalRecap(data, { random: seeded(seed) })));

/** Lines that judge a week, or say the streak moved or hangs on it. */
const JUDGED = /quiet week|no wins|nothing logged|log was quiet|fall short|not this time|usually log|quieter weeks|in a row|longest yet|has begun|still open|keeps it going/i;

describe('the personal recap of a week that touched a pause', () => {
  it('never judges an empty paused week, and says the streak stayed frozen (pause-week-dm)', () => {
    for (let seed = 0; seed < 60; seed++) {
      const said = text(pausedWeek(), seed);
      expect(said).not.toMatch(JUDGED);
      expect(said).toContain('Your pause kept your streak of 2 weeks safe');
      expect(said).toContain('You took a pause during it, so it isn’t judged');
    }
  });

  it('says the streak is frozen, not "still open", when the member resumed before their week ended (pause-dm)', () => {
    for (let seed = 0; seed < 60; seed++) {
      const said = text(pausedWeek({ weekOver: false, goals: [] }), seed);
      expect(said).not.toMatch(JUDGED);
      expect(said).toContain('Your pause kept your streak of 2 weeks safe');
    }
  });

  it('counts wins logged during a pause without weighing the week against the usual one', () => {
    for (let seed = 0; seed < 60; seed++) {
      const said = text(pausedWeek({ winsThisWeek: 1, usualWeek: 4, streaks: { current: 3, best: 3, bestBefore: 0 }, goals: [] }), seed);
      expect(said).toContain('You logged 1 win this week');
      expect(said).not.toMatch(/usually log|quieter weeks|fall short/i);
    }
  });

  it('still judges nothing differently in a week without a pause', () => {
    const said = text(pausedWeek({ weekPaused: false, goals: [] }), 1);
    expect(said).toMatch(/quiet|no wins|nothing logged|still|gentle|breath|allowed|pause in the log/i);
    expect(said).toContain('2 weeks in a row');
  });
});

describe('personalWeekOf: whether the reported week touched a pause', () => {
  const week = { weekStart: { year: 2026, month: 12, day: 7 }, range: { start: new Date('2026-12-07T00:00:00Z'), end: new Date('2026-12-14T00:00:00Z') } };
  const input = (pauses: PersonalWeekInput['pauses']): PersonalWeekInput => ({
    timezone: 'UTC',
    week,
    days: new Map([
      ['2026-11-23', 1],
      ['2026-11-30', 1],
    ]),
    pauses,
    goals: [],
    oldWin: undefined,
    now: new Date('2026-12-14T09:05:00Z'),
  });
  const over = () => true;

  it('answers as the goal lines do: any pause touching the week, a running one or one that ended', () => {
    expect(personalWeekOf(input([{ start: new Date('2026-12-07T09:30:00Z'), end: new Date('2026-12-14T00:00:00Z') }]), over).weekPaused).toBe(true);
    expect(personalWeekOf(input([{ start: new Date('2026-12-07T08:00:00Z'), end: new Date('2026-12-13T19:30:00Z') }]), over).weekPaused).toBe(true);
    expect(personalWeekOf(input([{ start: new Date('2026-12-12T08:00:00Z'), end: null }]), over).weekPaused).toBe(true);
  });

  it('leaves a week untouched by a pause that ended as it began', () => {
    expect(personalWeekOf(input([{ start: new Date('2026-11-30T09:00:00Z'), end: new Date('2026-12-07T00:00:00Z') }]), over).weekPaused).toBe(false);
    expect(personalWeekOf(input([]), over).weekPaused).toBe(false);
  });
});
