import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openPostgres, wrapPglite, type Database } from '../../src/db/client.js';

export const usingPostgres = () => inject('testDatabaseUrl') !== '';

/**
 * Booting PGlite costs about a second of CPU, most of the suite's time on PGlite: a worker keeps the
 * instances its files closed (vitest runs with isolate: false, so this module outlives a file) and hands
 * one out again emptied. One whose schema a test changed (a trigger, a function) is closed instead.
 */
const idle: { pglite: PGlite; dir: string }[] = [];

async function bootCopy(): Promise<{ pglite: PGlite; dir: string }> {
  const dir = await mkdtemp(join(inject('pgliteScratch'), 'db-'));
  await cp(inject('pgliteTemplate'), dir, { recursive: true });
  return { pglite: new PGlite(dir), dir };
}

/** Everything a test can change besides rows: tables, columns, indexes, triggers, functions, types. */
async function schemaFingerprint(pglite: PGlite): Promise<string> {
  const { rows } = await pglite.query<{ f: string }>(`
    select md5(string_agg(x, ',' order by x)) as f from (
      select 'c' || c.oid::text || c.relname || c.relkind::text || (select count(*) from pg_attribute a where a.attrelid = c.oid and not a.attisdropped) as x
        from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
      union all select 't' || tgname from pg_trigger where not tgisinternal
      union all select 'p' || p.oid::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname not in ('pg_catalog', 'information_schema')
      union all select 'y' || t.oid::text from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
    ) s`);
  return rows[0]?.f ?? '';
}

/** Empties every table the migrations made (not their own journal) and the session's state. */
async function empty(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query<{ t: string }>(`select format('%I.%I', schemaname, tablename) as t from pg_tables where schemaname = 'public'`);
  if (rows.length > 0) await pglite.exec(`truncate ${rows.map((r) => r.t).join(', ')} restart identity cascade`);
  await pglite.exec('discard all');
}

/** A test's database; `cut()` ends it for good (a test of the bot losing its database), where `close()` may keep it for the next file. */
export type TestDatabase = Database & { url?: string; cut(): Promise<void> };

async function createPgliteDatabase(): Promise<TestDatabase> {
  const { pglite, dir } = idle.pop() ?? (await bootCopy());
  const database = await wrapPglite(pglite);
  const fingerprint = await schemaFingerprint(pglite);
  let done = false;
  const dispose = async () => {
    done = true;
    if (!pglite.closed) await pglite.close();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    ...database,
    cut: dispose,
    async close() {
      if (done) return;
      done = true;
      if (pglite.closed) return dispose();
      try {
        if ((await schemaFingerprint(pglite)) !== fingerprint) return await dispose();
        await empty(pglite);
        idle.push({ pglite, dir });
      } catch {
        await dispose();
      }
    },
  };
}

/**
 * A clean, migrated database for one test file: a fresh PostgreSQL database on the
 * server of TEST_DATABASE_URL when it is set, otherwise a PGlite of its own.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('testDatabaseUrl');
  if (!serverUrl) return createPgliteDatabase();
  const name = `small_wins_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), pino({ level: 'silent' }));
  let done = false;
  const close = async () => {
    if (done) return;
    done = true;
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
  return { ...database, url: url.toString(), close, cut: close };
}
