import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { start } from '../sandbox/run-script.js';

// Two whole sandbox starts on fresh data folders: test/sandbox/restart.test.ts keeps the restart itself.
describe('the sandbox, started fresh twice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-twice-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Each run gets a database of its own: a fresh DATA_DIR on PGlite, a fresh test database on PostgreSQL.
  it('prints the same, to the letter, for a script that pins its clock, on two fresh data folders', async () => {
    const script = [':clock 2026-11-30T09:00Z', ':as alice', '/win wrote 300 words', '/win watered the plants private: true', ':users', ':time +8d', '/remember'];
    const runs = [];
    for (const name of ['one', 'two']) {
      const fresh = join(dir, `fresh-${name}`);
      const database = usingPostgres() ? await createTestDatabase() : undefined;
      const run = await start(loadConfig({ DATA_DIR: fresh, DATABASE_URL: database?.url, LOG_LEVEL: 'warn' }), dir, `${name}.txt`, script);
      await database?.close();
      expect(run.code, run.text).toBe(0);
      runs.push(run.text.split('\n').filter((line) => !/bot logs|sandbox-files|Web view/.test(line)));
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]?.join('\n')).toContain('wrote 300 words');
  }, 180_000);
});
