import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { MINUTE, startRecapWorld } from '../jobs/support.js';
import { weekendOfTicks } from '../jobs/weekend-recap.js';
import { createTestDatabase } from '../support/database.js';

// test/jobs/recap.test.ts ticks this weekend every minute only around the recap time; here, all of it (~4,000 ticks).
describe('a weekend of one-minute ticks', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld('2026-11-27T17:00:00Z', ['weekend']);
  });
  afterAll(async () => {
    await world?.sandbox.close();
    await database?.close();
  });

  it('posts exactly one recap, at Monday 09:00 Paris, when ticking every minute across a weekend', { timeout: 600_000 }, async () => {
    await weekendOfTicks(database.db, world, 'weekend', () => MINUTE);
  });
});
