import pino from 'pino';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client.js';
import { guilds } from '../../src/db/schema.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const silent = pino({ level: 'silent' });

/** Named prepared statements of the one session the pool holds, after a query drizzle prepares (as hot paths do). */
async function preparedAfterAQuery(database: Database): Promise<number> {
  await database.db.select().from(guilds).limit(1).prepare('one_guild').execute();
  // postgres.js answers db.execute with an array of rows.
  const rows = (await database.db.execute(sql`select count(*)::int as n from pg_prepared_statements`)) as unknown as { n: number }[];
  return Number(rows[0]?.n);
}

// Behind PgBouncer in transaction mode, a statement prepared on one server connection is missing on the next.
describe.skipIf(!usingPostgres())('PostgreSQL behind a transaction-mode pooler', () => {
  let database: Database & { url?: string };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('prepares named statements by default, and none with prepare: false', async () => {
    const prepared = await openPostgres(database.url ?? '', silent, 1);
    const unprepared = await openPostgres(database.url ?? '', silent, 1, undefined, { prepare: false });
    try {
      expect(await preparedAfterAQuery(prepared)).toBeGreaterThan(0);
      expect(await preparedAfterAQuery(unprepared)).toBe(0);
    } finally {
      await Promise.all([prepared.close(), unprepared.close()]);
    }
  });

  it('migrates through the direct URL when one is given, not through the pooled one', async () => {
    const pooled = new URL(database.url ?? '');
    pooled.port = '1'; // nothing listens there: a migration through it would fail
    const opened = await openPostgres(pooled.toString(), silent, 1, { connectSeconds: 1, statementMs: 1000 }, { migrationUrl: database.url });
    await opened.close();
  });
});
