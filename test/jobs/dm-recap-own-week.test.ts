import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createGoal } from '../../src/db/goals.js';
import { setMemberTimezone, type MemberKey } from '../../src/db/members.js';
import { startPause } from '../../src/db/pauses.js';
import { runDmRecaps } from '../../src/jobs/dm-recaps.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { createTestDatabase } from '../support/database.js';
import { recordWin } from '../support/wins.js';
import { configureRecap, jobDeps, MINUTE, setDms, startRecapWorld } from './support.js';

// Issue 16 items 3, 4 and 8: the DM reports the member's own week, as it stands for them, and never judges a pause.
describe('a personal recap says what is true of the member’s own week', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const setup = new Date('2027-02-20T12:00:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld(setup.toISOString(), ['sun', 'mon']);
    world.sandbox.addUser('carol');
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });

  const idOf = (name: string) => world.sandbox.user(name).id;
  /** Sets the server's next recap just ahead, then runs the jobs at its moment. */
  async function recapAt(server: { id: string; day: number; time: string }, at: string) {
    const moment = new Date(at);
    await configureRecap(database.db, { ...server, channelId: world.sandbox.channels[server.id] ?? '', timezone: 'Europe/Paris' }, new Date(moment.getTime() - MINUTE));
    world.clock.set(moment.getTime());
    const deps = jobDeps(database.db, world.delivery);
    await runRecaps(deps, moment);
    await runDmRecaps(deps, moment);
  }
  async function goal(key: MemberKey, title: string, target: number, period: 'week' | 'month') {
    const made = await createGoal(database.db, key, { title, target, period, share: 'private' }, setup, 10);
    if (typeof made === 'string') throw new Error(`goal refused: ${made}`);
    return made.id;
  }
  const win = (key: MemberKey, at: string, goalId?: number) =>
    recordWin(database.db, { ...key, text: 'did the thing', isPrivate: false, occurredAt: new Date(at), ...(goalId === undefined ? {} : { goalId }) }, new Date(at));
  const lastDm = (name: string) => {
    const embed = world.sandbox.dms(name).at(-1)?.embeds[0];
    return `${embed?.description ?? ''}\n${(embed?.fields ?? []).map((f) => f.value).join('\n')}`;
  };

  it('on a Paris Sunday evening: Los Angeles’ week is "so far", a month is named, and Tokyo’s new week adds no streak to an empty one', async () => {
    const { db } = database;
    const sun = { id: 'sun', day: 7, time: '20:00' };
    await configureRecap(db, { ...sun, channelId: world.sandbox.channels.sun ?? '', timezone: 'Europe/Paris' }, setup);
    const alice = { guildId: 'sun', userId: idOf('alice') };
    const carol = { guildId: 'sun', userId: idOf('carol') };
    await setMemberTimezone(db, alice, 'America/Los_Angeles', setup);
    await setMemberTimezone(db, carol, 'Asia/Tokyo', setup);
    await setDms(db, 'sun', alice.userId, true, setup);
    await setDms(db, 'sun', carol.userId, true, setup);
    const guitar = await goal(alice, 'Guitar practice', 3, 'week');
    const book = await goal(alice, 'Read a book', 1, 'month');
    for (const at of ['2027-03-10T20:00:00Z', '2027-03-20T20:00:00Z', '2027-04-02T20:00:00Z']) await win(alice, at, book);
    await win(alice, '2027-03-31T20:00:00Z', guitar);
    await win(carol, '2027-03-22T03:00:00Z');
    // 02:30 on Monday 5 April in Tokyo: her new week, before the Paris Sunday-evening recap.
    await win(carol, '2027-04-04T17:30:00Z');

    // Sunday 4 April 20:00 in Paris (CEST) is 11:00 that Sunday in Los Angeles.
    await recapAt(sun, '2027-04-04T18:00:00Z');

    const aliceDm = lastDm('alice');
    expect(aliceDm).toContain('1/3 this week so far');
    expect(aliceDm).toContain('2/1 in March. Met!');
    expect(aliceDm).not.toMatch(/not this time|this month/i);
    const carolDm = lastDm('carol');
    expect(carolDm).toMatch(/no wins|quiet|nothing logged|stayed off|without entries|still week|gentle week/i);
    expect(carolDm).not.toMatch(/streak has begun|in a row/);
  });

  it('never judges a week spent mostly on pause, on a Monday-morning schedule', async () => {
    const { db } = database;
    const mon = { id: 'mon', day: 1, time: '09:00' };
    await configureRecap(db, { ...mon, channelId: world.sandbox.channels.mon ?? '', timezone: 'Europe/Paris' }, setup);
    const bob = { guildId: 'mon', userId: idOf('bob') };
    await setMemberTimezone(db, bob, 'Europe/Paris', setup);
    await setDms(db, 'mon', bob.userId, true, setup);
    await goal(bob, 'Guitar practice', 3, 'week');
    // Six of the seven days of 8–14 March on pause.
    await startPause(db, bob, new Date('2027-03-07T23:00:00Z'), new Date('2027-03-13T23:00:00Z'));

    await recapAt(mon, '2027-03-15T08:00:00Z');

    const dm = lastDm('bob');
    expect(dm).toContain('0/3 this week');
    expect(dm).not.toMatch(/not this time|fall short|instead\?/i);
  });
});
