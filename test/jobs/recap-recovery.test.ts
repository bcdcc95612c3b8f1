import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { markGuildLeft } from '../../src/db/guild-settings.js';
import { guilds } from '../../src/db/schema.js';
import { DeliveryError, type Delivery } from '../../src/discord/delivery.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { renderRecapPost } from '../../src/discord/render/recap.js';
import { recapPreview } from '../../src/features/recap.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, jobDeps, logWin, recapsIn, runsOf, startRecapWorld } from './support.js';

class SimulatedCrash extends Error {}

describe('recap recovery after a crash', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const server = (id: string) => ({ id, channelId: world.sandbox.channels[id] ?? '', timezone: 'Europe/Paris' });
  const tickWith = (delivery: Delivery, at: string, instanceId = 'survivor') => {
    world.clock.set(at);
    return runRecaps(jobDeps(database.db, delivery, instanceId), world.clock.now());
  };
  const setUp = async (id: string) => {
    world.clock.set('2026-11-29T12:00:00Z');
    await configureRecap(database.db, server(id), world.clock.now());
  };
  /** A process that claims, then dies: before posting, or right after Discord accepted the post. */
  const dying = (when: 'before-post' | 'after-post'): Delivery => ({
    ...world.delivery,
    async post(channelId, message, options) {
      if (when === 'after-post') await world.delivery.post(channelId, message, options);
      throw new SimulatedCrash('the process died here');
    },
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-29T12:00:00Z', ['general', 'before', 'after', 'nonce', 'removed', 'doomed', 'preview']);
  });
  afterAll(async () => {
    await world.sandbox.close();
    await database.close();
  });
  afterEach(async () => {
    await database.db.update(guilds).set({ recapChannelId: null });
  });

  it('posts a recap whose claimant died before posting, once the lease has run out', async () => {
    await setUp('before');
    await tickWith(dying('before-post'), '2026-11-30T08:00:00Z', 'doomed-process');
    expect(await runsOf(database.db, 'before')).toMatchObject([{ status: 'claimed', claimedBy: 'doomed-process' }]);

    await tickWith(world.delivery, '2026-11-30T08:01:00Z');
    expect(recapsIn(world.sandbox, 'before')).toHaveLength(0);
    await tickWith(world.delivery, '2026-11-30T08:03:00Z');

    expect(recapsIn(world.sandbox, 'before')).toHaveLength(1);
    expect(await runsOf(database.db, 'before')).toMatchObject([{ status: 'posted', claimedBy: 'survivor', attempts: 2 }]);
  });

  it('adopts a recap its claimant posted just before dying instead of posting it again', async () => {
    await setUp('after');
    await tickWith(dying('after-post'), '2026-11-30T08:00:00Z', 'doomed-process');
    const [original] = recapsIn(world.sandbox, 'after');

    // Past Discord's nonce window: only the week marker in the footer can tell.
    await tickWith(world.delivery, '2026-11-30T08:10:00Z');

    expect(recapsIn(world.sandbox, 'after')).toHaveLength(1);
    expect(await runsOf(database.db, 'after')).toMatchObject([
      { status: 'posted', messageId: original?.id, attempts: 2, note: 'found posted by an earlier attempt' },
    ]);
  });

  it('relies on the nonce when the earlier post cannot be looked up', async () => {
    await setUp('nonce');
    await tickWith(dying('after-post'), '2026-11-30T08:00:00Z', 'doomed-process');
    const [original] = recapsIn(world.sandbox, 'nonce');
    const blind: Delivery = {
      ...world.delivery,
      recentOwnMessages: () => Promise.reject(new DeliveryError('transient', 'history unavailable')),
    };

    await tickWith(blind, '2026-11-30T08:03:00Z');

    expect(recapsIn(world.sandbox, 'nonce')).toHaveLength(1);
    expect(await runsOf(database.db, 'nonce')).toMatchObject([{ status: 'posted', messageId: original?.id, attempts: 2 }]);
  });

  it('skips a run whose claimant died if the bot was removed from the server meanwhile, posting nothing', async () => {
    await setUp('removed');
    await tickWith(dying('before-post'), '2026-11-30T08:00:00Z', 'doomed-process');
    await markGuildLeft(database.db, 'removed', world.clock.now());
    await tickWith(world.delivery, '2026-11-30T08:03:00Z');
    expect(recapsIn(world.sandbox, 'removed')).toHaveLength(0);
    expect(await runsOf(database.db, 'removed')).toMatchObject([{ status: 'skipped', attempts: 2, note: 'the bot is not in this server' }]);
  });

  it('gives up after four attempts and records the run as failed', async () => {
    await setUp('doomed');
    for (const at of ['08:00', '08:03', '08:06', '08:09', '08:12', '08:15']) {
      await tickWith(dying('before-post'), `2026-11-30T${at}:00Z`, `process-${at}`);
    }
    expect(recapsIn(world.sandbox, 'doomed')).toHaveLength(0);
    expect(await runsOf(database.db, 'doomed')).toMatchObject([{ status: 'failed', attempts: 4, note: 'gave up after 4 attempts' }]);
  });

  it('previews exactly the recap that is then posted, for the same state', async () => {
    await setUp('preview');
    const alice = world.sandbox.user('alice').id;
    const bob = world.sandbox.user('bob').id;
    for (const [who, text, at] of [
      [alice, 'stretched for five minutes', '2026-11-24T08:00:00Z'],
      [bob, 'called my sister', '2026-11-25T19:00:00Z'],
      [alice, 'a win from last year', '2025-11-26T12:00:00Z'],
    ] as const) await logWin(database.db, 'preview', who, text, at);

    world.clock.set('2026-11-30T07:30:00Z');
    const preview = renderRecapPost(await recapPreview({ db: database.db }, 'preview', world.clock.now()));
    world.clock.set('2026-11-30T08:00:00Z');
    await runRecaps(jobDeps(database.db, world.delivery), world.clock.now());

    const [posted] = recapsIn(world.sandbox, 'preview');
    expect(posted?.embeds).toEqual(preview.embeds);
    expect(preview.embeds?.[0]?.footer?.text).toContain('Small Wins recap · 23 Nov – 29 Nov 2026');
    expect(JSON.stringify(preview.embeds)).toContain('A year ago this week');
  });
});
