import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsFolder } from '../../src/db/client.js';
import { seedFromTemplate } from '../../src/db/pglite-template.js';

interface Journal {
  entries: { tag: string }[];
}

// The migration itself, on a database made before it: PGlite, whichever database the other tests use.
describe('moving DM claims into member_dms', () => {
  let client: PGlite;
  let before: string;
  let copy: string;

  beforeAll(async () => {
    // The migrations as they were before member_dms: the journal cut just ahead of it.
    before = await mkdtemp(join(tmpdir(), 'small-wins-migrations-'));
    await cp(migrationsFolder, before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as Journal;
    const cut = journal.entries.findIndex((entry) => entry.tag.includes('member_dms'));
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
    // A copy of the migrated template with everything the migrations made dropped: what initdb leaves,
    // without initdb's seconds (a fresh PGlite when no template is current).
    copy = await mkdtemp(join(inject('pgliteScratch'), 'migration-'));
    client = (await seedFromTemplate(copy)) ? new PGlite(copy) : new PGlite();
    await client.exec('drop schema public cascade; create schema public; drop schema if exists drizzle cascade;');
    await migrate(drizzle(client), { migrationsFolder: before });
  }, 60_000);
  afterAll(async () => {
    await client?.close();
    await rm(before, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  });

  it('keeps every personal recap and check-in prompt already claimed, sent or bounced', async () => {
    await client.exec(`
      insert into guilds (id, created_at) values ('g', '2026-11-01T00:00:00Z');
      insert into members (guild_id, user_id, created_at) values ('g', '1', '2026-11-01T00:00:00Z'), ('g', '2', '2026-11-01T00:00:00Z');
      insert into dm_recaps (guild_id, user_id, week_key, status, claimed_at, finished_at) values
        ('g', '1', '2026-W47', 'sent', '2026-11-23T08:00:00Z', '2026-11-23T08:00:05Z'),
        ('g', '2', '2026-W47', 'dms-closed', '2026-11-23T08:00:00Z', '2026-11-23T08:00:06Z');
      insert into checkin_prompts (guild_id, user_id, week_key, status, claimed_at) values
        ('g', '1', '2026-W48', 'sent', '2026-11-26T10:00:00Z'),
        ('g', '2', '2026-W48', 'claimed', '2026-11-26T10:00:00Z');
    `);
    await migrate(drizzle(client), { migrationsFolder });

    const { rows } = await client.query(
      `select user_id, kind, period, status, claimed_at, finished_at, attempts from member_dms order by kind desc, user_id`,
    );
    expect(rows).toEqual([
      { user_id: '1', kind: 'recap', period: '2026-W47', status: 'sent', claimed_at: new Date('2026-11-23T08:00:00Z'), finished_at: new Date('2026-11-23T08:00:05Z'), attempts: 1 },
      { user_id: '2', kind: 'recap', period: '2026-W47', status: 'dms-closed', claimed_at: new Date('2026-11-23T08:00:00Z'), finished_at: new Date('2026-11-23T08:00:06Z'), attempts: 1 },
      { user_id: '1', kind: 'checkin-prompt', period: '2026-W48', status: 'sent', claimed_at: new Date('2026-11-26T10:00:00Z'), finished_at: new Date('2026-11-26T10:00:00Z'), attempts: 1 },
      { user_id: '2', kind: 'checkin-prompt', period: '2026-W48', status: 'claimed', claimed_at: new Date('2026-11-26T10:00:00Z'), finished_at: null, attempts: 1 },
    ]);
    const { rows: old } = await client.query(`select to_regclass('dm_recaps') as recaps, to_regclass('checkin_prompts') as prompts`);
    expect(old).toEqual([{ recaps: null, prompts: null }]);
  });
});
