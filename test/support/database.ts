import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../../src/db/client.js';

export const usingPostgres = () => inject('testDatabaseUrl') !== '';

/** A copy of the migrated template folder (see global-setup.ts), removed on close. */
async function createPgliteDatabase(): Promise<Database> {
  const dir = await mkdtemp(join(inject('pgliteScratch'), 'db-'));
  await cp(inject('pgliteTemplate'), dir, { recursive: true });
  const database = await wrapPglite(new PGlite(dir));
  return {
    ...database,
    async close() {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A clean, migrated database for one test file: a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set, otherwise a PGlite of its own.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = inject('testDatabaseUrl');
  if (!serverUrl) return createPgliteDatabase();
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
