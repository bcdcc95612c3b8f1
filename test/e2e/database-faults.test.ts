import postgres from 'postgres';
import { FLOOD_LIMITS } from '../../src/domain/flood.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMemberWins } from '../support/wins.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { usingPostgres } from '../support/database.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

// SPEC §7: a stalled or cut database gives the member a clear answer, in time, and loses no acknowledged win.
describe.skipIf(!usingPostgres())('when the database stalls or drops (PostgreSQL through a fault proxy)', () => {
  let h: Harness;
  let admin: postgres.Sql;
  const storedTexts = async () => (await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: h.sandbox.user('alice').id })).map((w) => w.text);

  beforeAll(async () => {
    h = await startHarness(start, {
      throughProxy: { connectSeconds: 2, statementMs: 1_500 },
      safetyNet: { giveUpAfterMs: 4_000 },
      // The sandbox waits this long for a deferred answer to be edited.
      sandbox: { deferTimeoutMs: 15_000 },
    });
    admin = postgres(h.database.url ?? '', { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await admin?.end();
    await h?.close();
  });

  it('answers every interaction during a stall: deferred in time, then a clear message', async () => {
    h.proxy?.stall();
    const results = await Promise.all([
      h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'list' }),
      h.sandbox.chatInput('alice', { name: 'partner', subcommand: 'status' }),
      h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' }),
      h.sandbox.chatInput('alice', { name: 'win', options: { text: 'stalled win number one' } }),
    ]);
    for (const result of results) {
      expect(result.failed).toBe(false);
      expect(result.kind).toBe('deferred');
      expect(answerText(result)).toMatch(/very slow to answer|couldn't reach my notebook/);
    }
    h.proxy?.pass();
    // Nothing the member was told about is missing; once the database answers, the bot works again.
    for (const result of results.slice(3)) if (acknowledgedWin(result, 'stalled win number one')) expect(await storedTexts()).toContain('stalled win number one');
    const after = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'after the stall' } });
    expect(acknowledgedWin(after, 'after the stall')).toBe(true);
  });

  it('gives a clear error when a statement waits on a lock past its timeout, and saves nothing', async () => {
    const held = admin.begin(async (tx) => {
      await tx`lock table wins in access exclusive mode`;
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'blocked by a held lock' } });
      expect(result.failed).toBe(false);
      expect(result.ephemeral || result.followUps.some((m) => m.ephemeral)).toBe(true);
      expect(answerText(result)).toMatch(/nothing was saved — please try again in a minute/);
    });
    await held;
    expect(await storedTexts()).not.toContain('blocked by a held lock');
  });

  it('loses no acknowledged win when the connection is cut right after a write reaches the server', async () => {
    for (let round = 0; round < 5; round++) {
      h.clock.advance(FLOOD_LIMITS.burst.perMs); // a member's rounds of wins, not a flood
      // A win is one statement (no COMMIT of its own): the cut follows its bound text.
      const cut = h.proxy?.cutAfter(new RegExp(`cut round ${round} win`));
      const texts = [0, 1, 2].map((i) => `cut round ${round} win ${i}`);
      const results = await Promise.all(texts.map((text) => h.sandbox.chatInput('alice', { name: 'win', options: { text } })));
      await cut;
      const stored = await storedTexts();
      results.forEach((result, i) => {
        expect(result.failed).toBe(false);
        if (acknowledgedWin(result, texts[i] ?? '')) expect(stored).toContain(texts[i]);
        else expect(answerText(result)).not.toBe('');
      });
    }
    const after = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'after the cuts' } });
    expect(acknowledgedWin(after, 'after the cuts')).toBe(true);
  }, 60_000);

  it('never says "nothing was saved" for a win that was, and never stores one interaction twice', async () => {
    for (let round = 0; round < 5; round++) {
      h.clock.advance(FLOOD_LIMITS.burst.perMs);
      const text = `one statement, round ${round}`;
      // The win's own write reaches the server (its text travels as a bound parameter), then the answer is lost.
      const cut = h.proxy?.cutAfter(new RegExp(text));
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text } });
      await cut;
      const copies = (await storedTexts()).filter((t) => t === text).length;
      expect(result.failed).toBe(false);
      expect(copies).toBeLessThanOrEqual(1);
      if (copies === 1) expect(answerText(result)).not.toMatch(/nothing was saved/);
      if (acknowledgedWin(result, text)) expect(copies).toBe(1);
      else expect(answerText(result)).toMatch(/I may have saved it — `\/wins` shows it if so|nothing was saved/);
    }
  }, 60_000);
});
