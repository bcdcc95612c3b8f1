import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { guilds } from '../../src/db/schema.js';
import type { Delivery } from '../../src/discord/delivery.js';
import { createScheduler } from '../../src/jobs/scheduler.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, jobDeps, recapsIn, runsOf, startRecapWorld } from './support.js';

describe('scheduler', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const schedulerWith = (delivery: Delivery = world.delivery) => createScheduler({ ...jobDeps(database.db, delivery), clock: world.clock });
  const setUp = async (id: string) => {
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(database.db, { id, channelId: world.sandbox.channels[id] ?? '', timezone: 'Europe/Paris' }, world.clock.now());
  };
  /** Holds every post until `release()`, says when the first post is in flight, and remembers how many ever were at once. */
  const gated = () => {
    let active = 0;
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const posting = new Promise<void>((resolve) => (entered = resolve));
    const delivery: Delivery & { maxActive: number; posting: Promise<void>; release: () => void } = {
      ...world.delivery,
      maxActive: 0,
      posting,
      release,
      async post(channelId, message, options) {
        active += 1;
        delivery.maxActive = Math.max(delivery.maxActive, active);
        entered();
        await opened;
        try {
          return await world.delivery.post(channelId, message, options);
        } finally {
          active -= 1;
        }
      },
    };
    return delivery;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-29T12:00:00Z', ['general', 'jump', 'queue', 'stop', 'cron']);
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });
  afterEach(async () => {
    await database.db.update(guilds).set({ recapChannelId: null });
  });

  it('when the clock jumps over a recap time, tickNow posts that recap as of its time instead of skipping it', async () => {
    await setUp('jump');
    const scheduler = schedulerWith();
    // What the sandbox console does: every move of its clock asks for a tick.
    const unsubscribe = world.clock.onChange(() => scheduler.tickNow());
    await scheduler.tickNow();

    world.clock.set('2026-12-03T12:00:00Z'); // :time +4d, well past Monday 09:00
    await world.clock.settled();

    unsubscribe();
    await scheduler.stop();
    expect(recapsIn(world.sandbox, 'jump')).toHaveLength(1);
    expect(await runsOf(database.db, 'jump')).toMatchObject([{ weekKey: '2026-W48', status: 'posted', note: null, finishedAt: new Date('2026-11-30T08:00:00Z') }]);
  });

  it('runs ticks asked for while one is in flight one after another, never alongside', async () => {
    await setUp('queue');
    const delivery = gated();
    // Every tick starts by reading the clock: a tick that has not read it has not started.
    let clockReads = 0;
    const scheduler = createScheduler({ ...jobDeps(database.db, delivery), clock: { now: () => ((clockReads += 1), world.clock.now()) } });
    world.clock.set('2026-11-30T08:00:00Z');
    const first = scheduler.tickNow();
    await delivery.posting;
    world.clock.set('2026-12-07T08:00:00Z');
    const readsWhilePosting = clockReads;
    const second = scheduler.tickNow();
    expect(clockReads).toBe(readsWhilePosting);
    delivery.release();
    await Promise.all([first, second]);

    await scheduler.stop();
    expect(clockReads).toBeGreaterThan(readsWhilePosting);
    expect(delivery.maxActive).toBe(1);
    expect(await runsOf(database.db, 'queue')).toMatchObject([
      { weekKey: '2026-W48', status: 'posted' },
      { weekKey: '2026-W49', status: 'posted' },
    ]);
  });

  it('stop() waits for the tick in flight to finish recording its post', async () => {
    await setUp('stop');
    const delivery = gated();
    const scheduler = schedulerWith(delivery);
    world.clock.set('2026-11-30T08:00:00Z');
    void scheduler.tickNow();
    await delivery.posting;
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    expect(stopped).toBe(false);
    delivery.release();
    await stopping;

    expect(await runsOf(database.db, 'stop')).toMatchObject([{ status: 'posted' }]);
  });

  it('starts and stops its node-cron task without leaving anything running', async () => {
    await setUp('cron');
    const scheduler = schedulerWith();
    scheduler.start();
    await scheduler.stop();
    await scheduler.stop();
    expect(recapsIn(world.sandbox, 'cron')).toHaveLength(0);
  });
});
