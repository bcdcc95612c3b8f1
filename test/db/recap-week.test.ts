import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createGoal } from '../../src/db/goals.js';
import { readServerRecap } from '../../src/db/recap-week.js';
import { recordWin } from '../support/wins.js';
import { recapRandom } from '../../src/domain/recap/weeks.js';
import { recapWeekFor } from '../../src/domain/schedule.js';
import type { GoalShare } from '../../src/domain/goals.js';
import { configureRecap } from '../jobs/support.js';
import { createTestDatabase } from '../support/database.js';

const GUILD = 'goals-guild';
const setup = new Date('2026-11-01T12:00:00Z');
const firedAt = new Date('2026-11-30T08:00:00Z'); // Monday 09:00 Paris: covers 23–29 November

describe('what the public recap counts of goals', () => {
  let database: Database;
  const read = async () => {
    const week = recapWeekFor('Europe/Paris', firedAt);
    return (await readServerRecap(database.db, { id: GUILD, timezone: 'Europe/Paris' }, week, { now: firedAt, random: recapRandom(GUILD, week.key) })).data;
  };
  const metGoal = async (userId: string, share: GoalShare) => {
    const key = { guildId: GUILD, userId };
    const goal = await createGoal(database.db, key, { title: `a ${share} goal`, target: 1, period: 'week', share }, setup, 10);
    if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    const at = new Date('2026-11-25T10:00:00Z');
    await recordWin(database.db, { ...key, text: 'did the thing', isPrivate: share === 'private', occurredAt: at, goalId: goal.id }, at);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await configureRecap(database.db, { id: GUILD, channelId: '900000000000000001', timezone: 'Europe/Paris' }, setup);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts only goals shared with the server: a private or partner goal never shows, not even as a number', async () => {
    await metGoal('100000000000000001', 'private');
    await metGoal('100000000000000002', 'partner');
    expect((await read()).goalsMet).toBe(0);
    await metGoal('100000000000000003', 'server');
    expect((await read()).goalsMet).toBe(1);
  });

  it('brings back "a year ago" by calendar date, also in the year after a 53-week year', async () => {
    const guild = { id: 'archive-guild', timezone: 'Europe/Paris' };
    await configureRecap(database.db, { id: guild.id, channelId: '900000000000000002', timezone: guild.timezone }, setup);
    // 2026 has an ISO week 53, so week 47 of 2027 (22–28 November) is not week 47 of 2026 (16–22 November).
    const at = new Date('2026-11-25T10:00:00Z');
    await recordWin(database.db, { guildId: guild.id, userId: '100000000000000004', text: 'planted the bulbs', isPrivate: false, occurredAt: at }, at);
    const week = recapWeekFor(guild.timezone, new Date('2027-11-29T08:00:00Z'));
    expect(week.firstDay).toEqual({ year: 2027, month: 11, day: 22 });
    const { data } = await readServerRecap(database.db, guild, week, { now: new Date('2027-11-29T08:00:00Z'), random: recapRandom(guild.id, week.key) });
    expect(data.archive).toMatchObject({ kind: 'year', win: { text: 'planted the bulbs' } });
  });

  it('welcomes as first-timers only the members whose first win here, private or not, is a public one this week', async () => {
    const guild = { id: 'first-timers-guild', timezone: 'Europe/Paris' };
    await configureRecap(database.db, { id: guild.id, channelId: '900000000000000003', timezone: guild.timezone }, setup);
    const before = new Date('2026-11-10T10:00:00Z');
    const during = new Date('2026-11-25T10:00:00Z');
    const win = (userId: string, isPrivate: boolean, at: Date) =>
      recordWin(database.db, { guildId: guild.id, userId, text: 'a win', isPrivate, occurredAt: at }, at);
    await win('200000000000000001', false, during); // new: counts
    await win('200000000000000002', false, during); // new, twice: counts once
    await win('200000000000000002', false, new Date(during.getTime() + 60_000));
    await win('200000000000000003', true, before); // a private win before: not new
    await win('200000000000000003', false, during);
    await win('200000000000000004', false, before); // a public win before: not new
    await win('200000000000000004', false, during);
    await win('200000000000000005', true, during); // only private this week: not in the recap at all
    await win('200000000000000001', false, new Date('2026-12-01T10:00:00Z')); // after the week: changes nothing
    const { data } = await readServerRecap(database.db, guild, recapWeekFor(guild.timezone, firedAt), { now: firedAt, random: recapRandom(guild.id, 'k') });
    expect(data.memberCount).toBe(4);
    expect(data.firstTimers).toBe(2);
  });
});
