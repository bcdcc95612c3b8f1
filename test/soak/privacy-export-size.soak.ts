import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMember } from '../../src/db/members.js';
import { wins } from '../../src/db/schema.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';
const WINS = 40_000;
const FILE_LIMIT = 10 * 1024 * 1024;

// Issue 9, finding 9: a 40,000-win export was 30 MB, three times Discord's upload limit.
describe('/privacy export of a very long history', () => {
  let h: Harness;
  beforeAll(async () => {
    // The export is deferred at once; reading and packing 40,000 wins then takes seconds.
    h = await startHarness(start, { sandbox: { deferTimeoutMs: 60_000 } });
    const key = { guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id };
    await ensureMember(h.database.db, key, new Date(start));
    for (let from = 0; from < WINS; from += 2_000) {
      const rows = Array.from({ length: 2_000 }, (_, i) => {
        const n = from + i;
        const at = new Date(Date.parse(start) - n * 3_600_000);
        return { ...key, text: `win number ${n}: ${'kept going, one small step after another '.repeat(3)}`, isPrivate: n % 7 === 0, occurredAt: at, createdAt: at };
      });
      await h.database.db.insert(wins).values(rows);
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('fits Discord’s upload limit, says it is compressed, and holds every win', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'privacy', subcommand: 'export' });
    expect(result.failed).toBe(false);
    expect(h.sandbox.violations).toEqual([]);
    const messages = [result.message, ...result.followUps].filter((m) => m !== undefined);
    expect(messages[0]?.content).toMatch(/compressed with gzip/);
    const files = messages.flatMap((m) => m.attachments);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.size).toBeLessThanOrEqual(FILE_LIMIT);
      expect(file.filename).toMatch(/\.json\.gz$/);
    }
    const parts = files.map((f) => JSON.parse(gunzipSync(f.data).toString('utf8')) as { wins: { text: string }[] });
    const texts = new Set(parts.flatMap((p) => p.wins.map((w) => w.text)));
    expect(texts.size).toBe(WINS);
    expect(JSON.stringify(parts).length).toBeGreaterThan(FILE_LIMIT);
  }, 120_000);
});
