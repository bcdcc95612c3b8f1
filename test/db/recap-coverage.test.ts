import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { claimDueRecaps, finishRecapRun, previousRecapEnd } from '../../src/db/recap.js';
import { recapRuns } from '../../src/db/schema.js';
import { configureRecap } from '../jobs/support.js';
import { createTestDatabase } from '../support/database.js';

const setup = new Date('2026-11-01T12:00:00Z');

describe('where a recap’s coverage starts', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts at the previous posted recap’s moment', async () => {
    const { db } = database;
    await configureRecap(db, { id: 'cover-new', channelId: '900000000000000011', day: 7, time: '19:00', timezone: 'Europe/Paris' }, new Date('2026-11-29T12:00:00Z'));
    const firedAt = new Date('2026-11-29T18:00:00Z'); // Sunday 19:00 in Paris
    const { toPost } = await claimDueRecaps(db, { now: firedAt, instanceId: 'test', limit: 10 });
    const run = toPost.find((r) => r.guildId === 'cover-new');
    expect(run).toBeDefined();
    await finishRecapRun(db, run?.runId ?? 0, { status: 'posted' }, firedAt);
    expect(await previousRecapEnd(db, 'cover-new', new Date('2026-12-06T18:00:00Z'), 'Europe/Paris')).toEqual(firedAt);
  });

  it('after a recap posted under the old rule (it covered the week before its own), starts at that Monday, dropping nothing', async () => {
    const { db } = database;
    await configureRecap(db, { id: 'cover-old', channelId: '900000000000000012', day: 7, time: '19:00', timezone: 'Europe/Paris' }, setup);
    const firedAt = new Date('2026-11-29T18:00:00Z');
    await db.insert(recapRuns).values({ guildId: 'cover-old', weekKey: '2026-W47', scheduledFor: firedAt, status: 'posted', claimedAt: firedAt, claimedBy: 'old' });
    // Monday 23 November, 00:00 in Paris: the old recap reported 16–22 November only.
    expect(await previousRecapEnd(db, 'cover-old', new Date('2026-12-06T18:00:00Z'), 'Europe/Paris')).toEqual(new Date('2026-11-22T23:00:00Z'));
  });
});
