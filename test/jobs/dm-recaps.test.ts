import { and, eq } from 'drizzle-orm';
import { REST_POLICY } from '../../src/domain/retry-policy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { createGoal } from '../../src/db/goals.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { startPause } from '../../src/db/pauses.js';
import { guilds, memberDms, members } from '../../src/db/schema.js';
import { recordWin } from '../support/wins.js';
import { runDmRecaps } from '../../src/jobs/dm-recaps.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, jobDeps, MINUTE, setDms, startRecapWorld } from './support.js';

describe('personal recaps by DM', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const tick = async (at: string | number) => {
    world.clock.set(at);
    const deps = jobDeps(database.db, world.delivery);
    await runRecaps(deps, world.clock.now());
    return runDmRecaps(deps, world.clock.now());
  };
  const dmRows = (guildId: string, userId: string) =>
    database.db
      .select({ weekKey: memberDms.period, status: memberDms.status, attempts: memberDms.attempts })
      .from(memberDms)
      .where(and(eq(memberDms.guildId, guildId), eq(memberDms.userId, userId), eq(memberDms.kind, 'recap')))
      .orderBy(memberDms.period);

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-01T12:00:00Z', ['general', 'open', 'closed', 'flaky']);
    world.sandbox.addUser('carol');
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });

  it('sends one personal recap, in their own timezone, to each member who asked for DMs, right after the server recap', async () => {
    const { db } = database;
    const [alice, bob, ada, carol] = ['alice', 'bob', 'ada', 'carol'].map((name) => world.sandbox.user(name).id) as [string, string, string, string];
    const key = { guildId: 'open', userId: alice };
    const setup = new Date('2026-11-01T12:00:00Z');
    await configureRecap(db, { id: 'open', channelId: world.sandbox.channels.open ?? '', timezone: 'Europe/Paris' }, setup);
    await setMemberTimezone(db, key, 'America/New_York', setup);
    const goal = await createGoal(db, key, { title: 'Write twice a week', target: 2, period: 'week', share: 'private' }, setup, 10);
    if (typeof goal === 'string') throw new Error(`goal refused: ${goal}`);
    for (const at of ['2026-11-24T15:00:00Z', '2026-11-27T15:00:00Z']) {
      await recordWin(db, { ...key, text: 'wrote a page', isPrivate: at.startsWith('2026-11-27'), occurredAt: new Date(at), goalId: goal.id }, new Date(at));
    }
    // Private: the server's archive line cannot show it, so it is hers to be reminded of.
    await recordWin(db, { ...key, text: 'fixed the bike', isPrivate: true, occurredAt: new Date('2026-10-20T15:00:00Z') }, setup);
    await setDms(db, 'open', alice, true, setup);
    await setDms(db, 'open', bob, false, setup);
    await setDms(db, 'open', ada, true, setup);
    await startPause(db, { guildId: 'open', userId: ada }, setup, null);
    await setDms(db, 'open', carol, true, setup);
    await setMemberTimezone(db, { guildId: 'open', userId: carol }, 'Pacific/Kiritimati', setup);

    for (let t = Date.parse('2026-11-30T07:58:00Z'); t <= Date.parse('2026-11-30T08:05:00Z'); t += MINUTE) await tick(t);

    const [dm, ...more] = world.sandbox.dms('alice');
    expect(more).toEqual([]);
    const embed = dm?.embeds[0];
    expect(embed?.title).toBe('Your week of 23 November 2026');
    expect(embed?.description).toContain('You logged 2 wins this week');
    expect(JSON.stringify(embed?.fields)).toContain('Write twice a week');
    expect(JSON.stringify(embed?.fields)).toContain('Met!');
    expect(JSON.stringify(embed?.fields)).toContain('fixed the bike');
    expect(dm?.timestamp).toBe('2026-11-30T08:00:00.000Z');
    expect(world.sandbox.dms('bob')).toEqual([]);
    expect(world.sandbox.dms('ada')).toEqual([]);
    // Far ahead of the server, Kiritimati's matching week still starts on Monday 23 November.
    expect(world.sandbox.dms('carol')[0]?.embeds[0]?.title).toBe('Your week of 23 November 2026');
    expect(await dmRows('open', alice)).toMatchObject([{ weekKey: '2026-W48', status: 'sent' }]);
  });

  it('records closed DMs and does not try that member again the next week', async () => {
    const { db } = database;
    const bob = world.sandbox.user('bob').id;
    const setup = new Date('2026-11-29T12:00:00Z');
    await configureRecap(db, { id: 'closed', channelId: world.sandbox.channels.closed ?? '', timezone: 'Europe/Paris' }, setup);
    await setDms(db, 'closed', bob, true, setup);
    await db.update(guilds).set({ recapChannelId: null }).where(eq(guilds.id, 'open'));
    world.sandbox.closeDms('bob');

    const first = await tick('2026-11-30T08:00:00Z');
    expect(first.dmsClosed).toBe(1);
    const [member] = await db.select().from(members).where(and(eq(members.guildId, 'closed'), eq(members.userId, bob)));
    expect(member?.dmsClosedAt).toEqual(new Date('2026-11-30T08:00:00Z'));

    const next = await tick('2026-12-07T08:00:00Z');
    expect(next).toEqual({ sent: 0, dmsClosed: 0, failed: 0 });
    expect(await dmRows('closed', bob)).toMatchObject([{ weekKey: '2026-W48', status: 'dms-closed' }]);
    expect(world.sandbox.dms('bob')).toEqual([]);
  });

  it('leaves a DM that failed for a while claimed, and sends it once after the lease, counting the attempt', async () => {
    const { db } = database;
    const erin = world.sandbox.addUser('erin').id;
    const setup = new Date('2026-12-06T12:00:00Z');
    await db.update(guilds).set({ recapChannelId: null });
    await configureRecap(db, { id: 'flaky', channelId: world.sandbox.channels.flaky ?? '', timezone: 'Europe/Paris' }, setup);
    await setDms(db, 'flaky', erin, true, setup);
    // As many failures as discord.js's tries: this tick cannot get through, and nothing retries on top.
    world.sandbox.failNext({ method: 'POST', path: /\/users\/(@|%40)me\/channels$/, status: 503, times: REST_POLICY.retries + 1 });

    expect(await tick('2026-12-07T08:00:00Z')).toEqual({ sent: 0, dmsClosed: 0, failed: 1 });
    expect(await dmRows('flaky', erin)).toMatchObject([{ weekKey: '2026-W49', status: 'claimed', attempts: 1 }]);
    expect(await tick('2026-12-07T08:01:00Z')).toEqual({ sent: 0, dmsClosed: 0, failed: 0 });
    expect(await tick('2026-12-07T08:03:00Z')).toEqual({ sent: 1, dmsClosed: 0, failed: 0 });

    expect(world.sandbox.dms('erin')).toHaveLength(1);
    expect(await dmRows('flaky', erin)).toMatchObject([{ weekKey: '2026-W49', status: 'sent', attempts: 2 }]);
  });
});
