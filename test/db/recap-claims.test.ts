import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { renewRecapClaim } from '../../src/db/recap.js';
import { guilds, recapRuns } from '../../src/db/schema.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const claimedAt = new Date('2026-11-30T08:00:00Z');

describe(`renewing a recap claim before its post on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(guilds).values({ id: 'g', createdAt: claimedAt });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('restarts the lease for the process that holds the claim, and refuses one that lost it', async () => {
    const [run] = await database.db
      .insert(recapRuns)
      .values({ guildId: 'g', weekKey: '2026-W48', scheduledFor: claimedAt, status: 'claimed', claimedAt, claimedBy: 'a' })
      .returning();
    const id = run?.id ?? 0;
    const later = new Date('2026-11-30T08:01:30Z');
    expect(await renewRecapClaim(database.db, id, 'b', later)).toBe(false);
    expect(await renewRecapClaim(database.db, id, 'a', later)).toBe(true);
    const [renewed] = await database.db.select().from(recapRuns).where(eq(recapRuns.id, id));
    expect(renewed?.claimedAt).toEqual(later);
    await database.db.update(recapRuns).set({ status: 'posted' }).where(eq(recapRuns.id, id));
    expect(await renewRecapClaim(database.db, id, 'a', later)).toBe(false);
  });
});
