import postgres from 'postgres';
import { FLOOD_LIMITS } from '../../src/domain/flood.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acknowledgedWin } from '../support/answers.js';
import { usingPostgres } from '../support/database.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// postgres.js 3.4.9 threw from a setImmediate when PostgreSQL ended a connection under load, killing the
// process (patches/postgres+3.4.9.patch); an uncaught error here fails the run, so "the process lives" is checked.
describe.skipIf(!usingPostgres())('when PostgreSQL ends every connection under load', () => {
  let h: Harness;
  let admin: postgres.Sql;

  beforeAll(async () => {
    h = await startHarness(start);
    admin = postgres(h.database.url ?? '', { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await h?.close();
  });

  it('survives 20 rounds of pg_terminate_backend during concurrent /wins, answers every one, and recovers', async () => {
    const database = new URL(h.database.url ?? '').pathname.slice(1);
    const members = ['alice', 'bob', 'ada'];
    const acknowledged: { user: string; text: string }[] = [];
    for (let round = 0; round < 20; round++) {
      h.clock.advance(FLOOD_LIMITS.burst.perMs); // rounds of ordinary use, not a flood: every win reaches the database
      const wins = Array.from({ length: 10 }, (_, i) => ({ user: members[i % 3] ?? 'alice', text: `round ${round} win ${i}` }));
      let answered = false;
      const answers = Promise.all(wins.map(({ user, text }) => h.sandbox.chatInput(user, { name: 'win', options: { text } }))).finally(() => (answered = true));
      // Every connection ends, again and again, while this round's wins are in flight.
      for (let kill = 0; kill < 1 + (round % 5) && !answered; kill++) {
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
      }
      const results = await answers;
      results.forEach((result, i) => {
        expect(result.failed).toBe(false);
        const win = wins[i];
        if (win && acknowledgedWin(result, win.text)) acknowledged.push(win);
      });
    }
    // Read on a connection of its own: the bot's pool may still hold connections ended in the last round.
    const stored = (await admin<{ text: string }[]>`select text from wins`).map((row) => row.text);
    for (const win of acknowledged) expect(stored).toContain(win.text);
    expect(acknowledged.length).toBeGreaterThan(0);
    // The bot recovers by itself: a member's next /win is saved (a first try may still meet an ended connection).
    let attempt = 0;
    h.clock.advance(FLOOD_LIMITS.burst.perMs);
    await vi.waitFor(async () => {
      const text = `after twenty rounds, try ${++attempt}`;
      expect(acknowledgedWin(await h.sandbox.chatInput('alice', { name: 'win', options: { text } }), text)).toBe(true);
    }, { timeout: 10_000 });
    expect(attempt).toBeLessThanOrEqual(3);
  }, 120_000);
});
