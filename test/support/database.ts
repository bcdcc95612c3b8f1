import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../../src/db/client.js';

export const usingPostgres = () => inject('testDatabaseUrl') !== '';

/**
 * A clean, migrated database for one test file: a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set, otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = inject('testDatabaseUrl');
  if (!serverUrl) {
    const dump = await readFile(inject('pgliteDump'));
    const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
    return wrapPglite(pglite);
  }
  const name = `small_wins_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), pino({ level: 'silent' }));
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
