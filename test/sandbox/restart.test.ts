import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { readWorld } from '../../src/sandbox/index.js';
import { createTestDatabase } from '../support/database.js';
import { start } from './run-script.js';

describe('the sandbox across restarts (SPEC §9)', () => {
  let dir: string;
  let config: Config;
  let closeDatabase: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(inject('pgliteScratch'), 'sandbox-restart-'));
    // On PostgreSQL both starts use one fresh test database; on PGlite the embedded one under DATA_DIR.
    const database = await createTestDatabase();
    closeDatabase = () => database.close();
    config = loadConfig({ DATA_DIR: join(dir, 'data'), DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await closeDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says at once that it is starting, and keeps the server, channels and members, so a second start finds the first one’s wins, goals and settings', async () => {
    const first = await start(config, dir, 'first.txt', [
      // A second start resumes at the later of the saved clock and the real one: a Monday far ahead of any real
      // date keeps both starts in the same week, whatever day the suite runs (one pinned in 2026 broke on 7 December).
      ':clock 2096-11-26T09:00Z',
      ':as ada',
      '/config recap channel: #wins day: friday time: 18:00 timezone: Europe/Paris',
      ':as alice',
      '/settings timezone: America/New_York',
      '/goal add title: Write target: 3 period: week',
      '/win wrote 300 words goal: Write',
      ':users',
    ]);
    expect(first.code, first.text).toBe(0);
    // The first line comes at once, before the database (seconds to create) is opened.
    const firstLine = first.text.split('\n')[0];
    if (config.databaseUrl) expect(firstLine).toBe('Starting Small Wins: connecting to PostgreSQL…');
    else expect([firstLine, first.databaseExistedAtFirstLine]).toEqual(['Starting Small Wins: creating the embedded database, a few seconds the first time…', false]);
    const worldAfterFirst = readWorld(join(config.dataDir, 'sandbox-world.json'));

    const second = await start(config, dir, 'second.txt', [':users', '/goal list', '/settings', ':as ada', '/config show']);
    expect(second.code, second.text).toBe(0);
    // A restart opens the database the first start made; it creates nothing.
    if (!config.databaseUrl) expect(second.text.split('\n')[0]).toBe('Starting Small Wins: opening the embedded database…');
    const users = (text: string): string[] => text.split('\n').filter((l) => /^\s+→?\s*(ada|alice|bob|bot)\b.*\d{15,}$/.test(l));
    expect(users(second.text)).toEqual(users(first.text));
    expect(users(first.text)).toHaveLength(4);
    expect(readWorld(join(config.dataDir, 'sandbox-world.json'))?.guilds).toEqual(worldAfterFirst?.guilds);
    expect(second.text).toContain('**Write** · 3 a week');
    expect(second.text).toContain('1/3 this week');
    expect(second.text).toContain('America/New_York');
    expect(second.text).toContain('#wins, every Friday at 18:00 (Europe/Paris)');
  }, 180_000);
});
