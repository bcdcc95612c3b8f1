import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { recentRecaps } from '../../src/db/recap.js';
import { guilds, recapRuns } from '../../src/db/schema.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const at = (iso: string) => new Date(iso);

describe(`the recaps a new schedule must not repeat, on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(guilds).values([{ id: 'g', createdAt: at('2026-11-01T00:00:00Z') }, { id: 'none', createdAt: at('2026-11-01T00:00:00Z') }]);
    const run = (weekKey: string, scheduledFor: string, status: string) => ({ guildId: 'g', weekKey, scheduledFor: at(scheduledFor), status, claimedAt: at(scheduledFor), claimedBy: 'a' });
    await database.db
      .insert(recapRuns)
      .values([run('2026-W46', '2026-11-19T11:00:00Z', 'posted'), run('2026-W47', '2026-11-26T11:00:00Z', 'failed'), run('2026-W48', '2026-12-03T11:00:00Z', 'skipped')]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('names every recent week, and the moment of the latest recap that went out (a skipped one sent nothing)', async () => {
    const recent = await recentRecaps(database.db, 'g');
    expect(recent.weeks).toEqual(new Set(['2026-W46', '2026-W47', '2026-W48']));
    expect(recent.lastWentOutAt).toEqual(at('2026-11-26T11:00:00Z'));
    expect(await recentRecaps(database.db, 'none')).toEqual({ weeks: new Set(), lastWentOutAt: undefined });
  });
});
