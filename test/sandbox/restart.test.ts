import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { runSandbox } from '../../src/run-sandbox.js';
import { readWorld } from '../../src/sandbox/index.js';
import { installShutdown } from '../../src/shutdown.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

/** `npm start -- --script FILE` as the console runs it, with everything it prints and what it printed first. */
async function start(config: Config, dir: string, name: string, lines: string[]) {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  const output = new PassThrough();
  let text = '';
  let databaseExistedAtFirstLine: boolean | undefined;
  output.on('data', (chunk: Buffer) => {
    databaseExistedAtFirstLine ??= existsSync(join(config.dataDir, 'pglite'));
    text += chunk.toString();
  });
  const code = await runSandbox(config, commands, { script: file, output }, installShutdown({ exit: () => undefined }));
  return { code, text, databaseExistedAtFirstLine };
}

describe('the sandbox across restarts (SPEC §9)', () => {
  let dir: string;
  let config: Config;
  let closeDatabase: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-restart-'));
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
      ':clock 2026-11-30T09:00Z',
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

  // PGlite only: each run needs a database of its own, which DATA_DIR gives there.
  it.skipIf(usingPostgres())('prints the same, to the letter, for a script that pins its clock, on two fresh data folders', async () => {
    const script = [':clock 2026-11-30T09:00Z', ':as alice', '/win wrote 300 words', '/win watered the plants private: true', ':users', ':time +8d', '/remember'];
    const runs = [];
    for (const name of ['one', 'two']) {
      const fresh = join(dir, `fresh-${name}`);
      const run = await start(loadConfig({ DATA_DIR: fresh, LOG_LEVEL: 'warn' }), dir, `${name}.txt`, script);
      expect(run.code, run.text).toBe(0);
      runs.push(run.text.split('\n').filter((line) => !/bot logs|sandbox-files|Web view/.test(line)));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]?.join('\n')).toContain('wrote 300 words');
  }, 180_000);
});
