import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrationsFolder, openPglite } from '../../src/db/client.js';
import { buildPgliteTemplate, seedFromTemplate } from '../../src/db/pglite-template.js';
import { countMemberWins, recordWin } from '../support/wins.js';

// What `npm ci` bakes (the prepare script) and what a first start without DATABASE_URL copies.
describe('the migrated PGlite template', () => {
  let root: string;
  let templateDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(inject('pgliteScratch'), 'template-test-'));
    templateDir = join(root, 'template');
    // The run's own template (test/support/global-setup.ts made it with buildPgliteTemplate, or took
    // npm ci's) is copied: this file changes its copy. Building one anew took most of this file's time.
    const shared = inject('pgliteTemplate');
    if (shared && existsSync(join(shared, 'PG_VERSION'))) {
      await cp(shared, templateDir, { recursive: true });
      // It is current (global-setup builds one when npm ci's is stale): say so as a build does.
      await cp(join(migrationsFolder, 'meta', '_journal.json'), `${templateDir}.journal.json`);
    } else await buildPgliteTemplate(templateDir);
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives a new data folder a migrated database that takes wins', async () => {
    const dataDir = join(root, 'new');
    // A marker only a copy of the template can carry (initdb would not create it).
    await writeFile(join(templateDir, 'seeded-from-template'), '');
    const database = await openPglite(dataDir, pino({ level: 'silent' }), { templateDir });
    try {
      const now = new Date('2026-11-25T12:00:00Z');
      const member = { guildId: '1', userId: '2' };
      await recordWin(database.db, { ...member, text: 'first start from the template', isPrivate: false, occurredAt: now }, now);
      expect(await countMemberWins(database.db, member, null, { includePrivate: true })).toBe(1);
    } finally {
      await database.close();
    }
    expect(existsSync(join(dataDir, 'pglite', 'seeded-from-template'))).toBe(true);
  }, 60_000);

  it('never copies over a data folder that already holds a database', async () => {
    const dataDir = join(root, 'new', 'pglite');
    expect(await seedFromTemplate(dataDir, templateDir)).toBe(false);
    expect(await seedFromTemplate(join(root, 'empty', 'pglite'), templateDir)).toBe(true);
  });

  it('is not used once the migrations have changed since it was built (a stale dist/)', async () => {
    await writeFile(`${templateDir}.journal.json`, '{"entries":[]}');
    expect(await seedFromTemplate(join(root, 'stale', 'pglite'), templateDir)).toBe(false);
  });
});
