import { describe, expect, it } from 'vitest';
import { msg } from '../../src/domain/message.js';
import { composePersonalRecap, goalLine as goalMsg, weekLine as weekMsg } from '../../src/domain/recap/personal.js';
import { english } from '../../src/i18n/index.js';

// The English wording, as members read it.
const weekLine = (...args: Parameters<typeof weekMsg>) => english.say(weekMsg(...args));
const goalLine = (...args: Parameters<typeof goalMsg>) => english.say(goalMsg(...args));
const inMarch = msg('dm.periodWords.month', { month: { month: 3 } });
const thisWeek = msg('dm.periodWords.thisWeek');
import { renderPersonalRecap } from '../../src/discord/render/dm-recap.js';
import type { PersonalWeekData } from '../../src/domain/recap/types.js';
import { limitProblems, seeded, visibleText } from './recap-support.js';

type Goal = PersonalWeekData['goals'][number];
const goal = (overrides: Partial<Goal> = {}): Goal => ({ title: 'Publish', target: 2, count: 1, period: 'month', periodWords: inMarch, outcome: 'missed', smallerOffer: undefined, ...overrides });
const personal = (overrides: Partial<PersonalWeekData> = {}): PersonalWeekData => ({
  weekStart: { year: 2026, month: 11, day: 23 },
  timezone: 'Europe/London',
  winsThisWeek: 5,
  usualWeek: 3,
  streaks: { current: 4, best: 4, bestBefore: 0 },
  pausedNow: false,
  weekOver: true,
  goals: [],
  oldWin: undefined,
  ...overrides,
});
const compose = (overrides: Partial<PersonalWeekData> = {}, seed = 1) => renderPersonalRecap(composePersonalRecap(personal(overrides), { random: seeded(seed) }));

/** Comparison with anyone but the member themself (SPEC §1.3). */
const OTHERS = /others|other members|everyone|the server|average member|than most|rank|leaderboard|top /i;

describe('composePersonalRecap', () => {
  it('compares the week only with the member’s own usual week', () => {
    const text = visibleText(compose({ winsThisWeek: 5, usualWeek: 3 }));
    expect(text).toContain('You logged 5 wins this week: more than your usual week (about 3 wins a week).');
    expect(text).not.toMatch(OTHERS);
    expect(text).toContain('Your week of 23 November 2026');
  });

  it('says fewer than usual kindly, and says the usual week the way a person would, never as a decimal', () => {
    const line = weekLine(1, 2.75);
    expect(line).toBe('You logged 1 win this week; you usually log about 3 wins a week. Quieter weeks are part of it, and every one of those wins counts.');
    expect(weekLine(3, 3.2)).toContain('right around your usual week (about 3 wins a week)');
    expect(weekLine(1, 0.25)).toContain('a win every few weeks');
    expect(weekLine(1, 0.5)).toContain('a win every other week or so');
    expect(weekLine(2, 2.5)).toContain('2 or 3 wins a week');
    for (const usual of [0.25, 0.3, 0.5, 1.5, 2.3, 2.75]) expect(weekLine(1, usual)).not.toMatch(/\d\.\d/);
  });

  it('makes no comparison at all before there is a history of the member’s own', () => {
    const line = weekLine(2, undefined);
    expect(line).not.toMatch(/usual week \(|more than|fewer|average/);
    expect(line).toContain('usual week of your own');
  });

  it('meets a week without wins with kindness, never a zero count', () => {
    const text = visibleText(compose({ winsThisWeek: 0, usualWeek: 4, streaks: { current: 0, best: 2, bestBefore: 2 } }));
    expect(text).not.toMatch(/\b0 wins?\b/);
    expect(text).not.toMatch(OTHERS);
    expect(text).toMatch(/rest|breath|quiet|gentle|pause|still|allowed/i);
    expect(text).toContain('A new streak starts with your next win. Your best: 2 weeks.');
  });

  it('celebrates a met goal and frames a missed one kindly', () => {
    expect(goalLine(goal({ count: 2, outcome: 'met' }))).toMatch(/^✅ \*\*Publish\*\*: .* 2\/2 in March\. Met!/);
    const missed = goalLine(goal());
    expect(missed).toContain('1/2 in March');
    expect(missed).toContain('you can do your best and still fall short');
    expect(missed).not.toMatch(/fail|should have|lazy|behind/i);
    expect(missed).not.toContain('/goal edit');
  });

  it('judges no goal whose period is still running for the member, nor one spent partly on pause (issue 16 items 3, 8)', () => {
    const soFar = goalLine(goal({ target: 3, count: 1, period: 'week', periodWords: thisWeek, outcome: 'so-far' }));
    expect(soFar).toContain('1/3 this week so far');
    const paused = goalLine(goal({ target: 3, count: 0, period: 'week', periodWords: thisWeek, outcome: 'paused' }));
    expect(paused).toContain('0/3 this week');
    for (const line of [soFar, paused]) expect(line).not.toMatch(/not this time|fall short|instead\?/i);
  });

  it('never says "no wins this week" beside a streak that grew, and keeps an unfinished week "so far" (issue 16 item 8)', () => {
    const open = visibleText(compose({ winsThisWeek: 0, usualWeek: 2, weekOver: false, streaks: { current: 3, best: 3, bestBefore: 0 } }));
    expect(open).toContain('No wins logged yet this week');
    expect(open).toContain('Your streak of 3 weeks is still open');
    expect(open).not.toMatch(/in a row|has begun/);
    expect(visibleText(compose({ winsThisWeek: 2, usualWeek: 2, weekOver: false }))).toContain('You logged 2 wins this week so far');
  });

  it('offers the smaller target in words when one applies (SPEC §1.6)', () => {
    const line = goalLine(goal({ target: 3, count: 0, period: 'week', periodWords: thisWeek, smallerOffer: 1 }));
    expect(line).toContain('Want to try 1 a week instead? `/goal edit`');
  });

  it('shows the streak and one of the member’s own old wins', () => {
    const message = compose({ oldWin: { text: 'ran my first 5k\nin the rain', occurredAt: new Date('2026-03-03T12:00:00Z') } });
    const fields = message.embeds?.[0]?.fields ?? [];
    expect(fields).toContainEqual({ name: 'Remember this? 🌱', value: 'On 3 March 2026 you logged:\n> ran my first 5k in the rain' });
    expect(visibleText(message)).toContain('🔥 4 weeks in a row with a win. Your longest yet!');
  });

  it('pings nobody and stays within Discord’s limits, even with many long goals and a long old win', () => {
    const goals = Array.from({ length: 30 }, (_, i) => goal({ title: `${'long title '.repeat(20)}${i}`, smallerOffer: i % 2 === 0 ? 1 : undefined }));
    const message = compose({ goals, oldWin: { text: 'word '.repeat(400), occurredAt: new Date('2025-01-01T00:00:00Z') } });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(limitProblems(message, 5000)).toEqual([]);
    expect(message.embeds?.[0]?.fields?.[0]?.value).toMatch(/…and \d+ more in `\/goal list`\.$/);
  });

  it('picks its closing line from the injected randomness, reproducibly', () => {
    expect(compose({}, 3)).toEqual(compose({}, 3));
    const closings = new Set(Array.from({ length: 40 }, (_, seed) => compose({}, seed).embeds?.[0]?.description));
    expect(closings.size).toBeGreaterThan(1);
  });

  it('closes a good week without telling the member they may fall short', () => {
    for (let seed = 0; seed < 60; seed++) {
      const text = visibleText(compose({ winsThisWeek: 6, usualWeek: 3, streaks: { current: 5, best: 5, bestBefore: 0 } }, seed));
      expect(text).not.toMatch(/fall short|rest is part of it/i);
    }
  });

  it('closes a week still running for the member without "you may fall short" (six-weeks on a Sunday evening)', () => {
    for (let seed = 0; seed < 60; seed++) {
      const text = visibleText(compose({ winsThisWeek: 0, usualWeek: 2, weekOver: false, streaks: { current: 2, best: 2, bestBefore: 0 } }, seed));
      expect(text).not.toMatch(/fall short/i);
    }
  });

  it('never says the same sentence twice in one DM', () => {
    const missedGoal = goal({ count: 0, target: 2, period: 'week', periodWords: thisWeek });
    for (let seed = 0; seed < 60; seed++) {
      for (const week of [{ winsThisWeek: 0, usualWeek: 2 }, { winsThisWeek: 1, usualWeek: 4 }, { winsThisWeek: 5, usualWeek: 3 }]) {
        const message = compose({ ...week, goals: [missedGoal] }, seed);
        const sentences = (message.embeds?.[0]?.description ?? '')
          .concat(' ', message.embeds?.[0]?.fields?.map((f) => f.value).join(' ') ?? '')
          .toLowerCase()
          .split(/[.!?:;]\s+|\n+/)
          .map((part) => part.replace(/[^a-z’' ]/g, '').trim())
          .filter((part) => part.split(' ').length >= 4);
        expect(sentences.length).toBe(new Set(sentences).size);
      }
    }
  });

  it('words a long quiet stretch differently every week for two months', () => {
    const weeks = Array.from({ length: 9 }, (_, i) => {
      const monday = new Date(Date.UTC(2026, 10, 23 + 7 * i));
      const weekStart = { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
      return compose({ weekStart, winsThisWeek: 0, usualWeek: 0, streaks: { current: 0, best: 2, bestBefore: 2 } }, 7).embeds?.[0]?.description?.split('\n\n')[0];
    });
    expect(new Set(weeks).size).toBe(weeks.length);
  });
});
