import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REST_POLICY } from '../../src/domain/retry-policy.js';
import type { Database } from '../../src/db/client.js';
import { guilds } from '../../src/db/schema.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, guildRow, HOUR, jobDeps, logWin, MINUTE, recapsIn, runsOf, startRecapWorld } from './support.js';
import { weekendOfTicks } from './weekend-recap.js';

const CHANNELS = ['general', 'weekend', 'late', 'skipped', 'forbidden', 'flaky', 'down', 'limited'];

describe('weekly recap job', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const paris = (id: string, channel: string) => ({ id, channelId: world.sandbox.channels[channel] ?? '', day: 1, time: '09:00', timezone: 'Europe/Paris' });
  const tick = (at: number | string) => {
    world.clock.set(at);
    return runRecaps(jobDeps(database.db, world.delivery), world.clock.now());
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-27T17:00:00Z', CHANNELS);
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });
  // Each scenario has its own server and channel; switching the others off keeps them apart.
  afterEach(async () => {
    await database.db.update(guilds).set({ recapChannelId: null });
  });

  it('posts exactly one recap, at Monday 09:00 Paris, ticking every 15 minutes across a weekend and every minute around the recap time', async () => {
    // Every minute of the whole weekend is the soak suite's (test/soak/recap-weekend.soak.ts).
    const nearRecap = (t: number) => Math.abs(t - Date.parse('2026-11-30T08:00:00Z')) <= HOUR;
    await weekendOfTicks(database.db, world, 'weekend', (t) => (nearRecap(t) ? MINUTE : 15 * MINUTE));
  }, 120_000);

  it('after 5 hours of downtime, posts the recap late, saying so, and keeps the weekly rhythm', async () => {
    const { db } = database;
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('late', 'late'), world.clock.now());
    await logWin(db, 'late', world.sandbox.user('alice').id, 'tidied the desk', '2026-11-25T12:00:00Z');

    const summary = await tick('2026-11-30T13:00:00Z');

    expect(summary.posted).toBe(1);
    const [recap] = recapsIn(world.sandbox, 'late');
    expect(recap?.embeds[0]?.description).toContain('Posted a little late');
    expect((await runsOf(db, 'late'))[0]).toMatchObject({ status: 'posted', note: 'posted 300 minutes late' });
    expect((await guildRow(db, 'late')).nextRecapAt).toEqual(new Date('2026-12-07T08:00:00Z'));
  });

  it('after 30 hours of downtime, skips that recap and posts nothing, then posts the next week as usual', async () => {
    const { db } = database;
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('skipped', 'skipped'), world.clock.now());

    await tick('2026-12-01T14:00:00Z');
    expect(recapsIn(world.sandbox, 'skipped')).toHaveLength(0);
    expect(await runsOf(db, 'skipped')).toMatchObject([{ weekKey: '2026-W48', status: 'skipped', note: 'missed by over 24 hours' }]);

    await tick('2026-12-07T08:00:00Z');
    expect(recapsIn(world.sandbox, 'skipped')).toHaveLength(1);
    expect((await runsOf(db, 'skipped'))[1]).toMatchObject({ weekKey: '2026-W49', status: 'posted' });
  });

  it('on 403 Missing Permissions, records the problem for /config show and stops trying', async () => {
    const { db } = database;
    const channelId = world.sandbox.channels.forbidden ?? '';
    world.sandbox.setCanPost('forbidden', false);
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('forbidden', 'forbidden'), world.clock.now());

    const start = Date.parse('2026-11-30T07:58:00Z');
    for (let t = start; t <= start + HOUR; t += MINUTE) await tick(t);
    await tick('2026-12-07T08:00:00Z');

    expect(world.postsTo(channelId)).toBe(1);
    // Stored as a code beside the channel id: /config and the web name the channel their own way.
    expect((await guildRow(db, 'forbidden')).recapProblem).toBe('missing-permission');
    // The next week is not posted again, but its run still happens (pairs, personal recaps).
    expect(await runsOf(db, 'forbidden')).toMatchObject([
      { status: 'failed', attempts: 1 },
      { status: 'failed', attempts: 1 },
    ]);

    // Setting the channel again (what /config recap does) clears the problem and delivery resumes.
    world.sandbox.setCanPost('forbidden', true);
    await configureRecap(db, paris('forbidden', 'forbidden'), world.clock.now());
    await tick('2026-12-14T08:00:00Z');
    expect(recapsIn(world.sandbox, 'forbidden')).toHaveLength(1);
  });

  it('on 404 Unknown Channel, records that the channel no longer exists', async () => {
    const { db } = database;
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, { ...paris('vanished', 'general'), channelId: '1999999999999999999' }, world.clock.now());
    await tick('2026-11-30T08:00:00Z');
    await tick('2026-11-30T08:05:00Z');
    expect((await guildRow(db, 'vanished')).recapProblem).toBe('unknown-channel');
    expect(world.postsTo('1999999999999999999')).toBe(1);
  });

  it('retries a 5xx once at once, and past that leaves the run for after the lease: no retries stacked inside a tick', async () => {
    const { db } = database;
    const channelId = world.sandbox.channels.flaky ?? '';
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('flaky', 'flaky'), world.clock.now());
    world.sandbox.failNext({ method: 'POST', path: new RegExp(`/channels/${channelId}/messages$`), status: 502, times: 3 });

    // discord.js's one quick retry (REST_POLICY.retries), then nothing more this tick.
    expect(await tick('2026-11-30T08:00:00Z')).toMatchObject({ posted: 0, pending: 1 });
    expect(world.postsTo(channelId)).toBe(REST_POLICY.retries + 1);
    expect(await tick('2026-11-30T08:03:00Z')).toMatchObject({ posted: 1 });
    expect(recapsIn(world.sandbox, 'flaky')).toHaveLength(1);
    expect(world.postsTo(channelId)).toBe(4);
  });

  it('when Discord stays down past every retry, leaves the run claimed and posts it once after the lease', async () => {
    const { db } = database;
    const channelId = world.sandbox.channels.down ?? '';
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('down', 'down'), world.clock.now());
    // Every try of this tick fails: discord.js's own and its one quick retry.
    world.sandbox.failNext({ method: 'POST', path: new RegExp(`/channels/${channelId}/messages$`), status: 503, times: REST_POLICY.retries + 1 });

    expect(await tick('2026-11-30T08:00:00Z')).toMatchObject({ pending: 1 });
    expect(await runsOf(db, 'down')).toMatchObject([{ status: 'claimed', attempts: 1 }]);
    expect(await tick('2026-11-30T08:01:00Z')).toMatchObject({ posted: 0, pending: 0 });
    expect(await tick('2026-11-30T08:03:00Z')).toMatchObject({ posted: 1 });

    expect(recapsIn(world.sandbox, 'down')).toHaveLength(1);
    expect(await runsOf(db, 'down')).toMatchObject([{ status: 'posted', attempts: 2 }]);
  });

  it('waits out a 429 and posts once', async () => {
    const { db } = database;
    const channelId = world.sandbox.channels.limited ?? '';
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(db, paris('limited', 'limited'), world.clock.now());
    world.sandbox.failNext({ method: 'POST', path: new RegExp(`/channels/${channelId}/messages$`), status: 429, retryAfter: 0.05 });
    let rateLimited = 0;
    world.rest.once('rateLimited', () => (rateLimited += 1));

    expect(await tick('2026-11-30T08:00:00Z')).toMatchObject({ posted: 1 });
    expect(rateLimited).toBe(1);
    expect(recapsIn(world.sandbox, 'limited')).toHaveLength(1);
  });
});
