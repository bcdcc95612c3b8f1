import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairWeek } from '../../src/db/partners.js';
import { checkins, wins } from '../../src/db/schema.js';
import { FLOOD_LIMITS } from '../../src/domain/flood.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { startHarness, type Harness } from '../support/harness.js';

// SPEC §7: one member cannot flood a channel or a partner (issue 9, finding 6).
describe('flood limits, end to end', () => {
  let h: Harness;
  const id = (name: string) => h.sandbox.user(name).id;
  const winsOf = async (user: string) =>
    (await h.database.db.select({ n: count() }).from(wins).where(and(eq(wins.guildId, h.sandbox.guildId), eq(wins.userId, id(user)))))[0]?.n ?? 0;
  const publicAnswer = (r: InteractionResult) => r.message !== undefined && !r.message.deleted && !r.message.ephemeral && r.message.embeds.length > 0;

  beforeAll(async () => {
    h = await startHarness('2026-11-30T09:00:00Z');
    for (const name of ['carol', 'dan', 'erin']) h.sandbox.addUser(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('1,500 /wins in eight seconds: a bounded number of public posts, every accepted win stored, the rest told to slow down', async () => {
    const results: { text: string; result: InteractionResult }[] = [];
    // Ten at a time: a burst for the limiter, yet no pile-up that would outlast Discord's 3 s on a loaded machine.
    for (let batch = 0; batch < 150; batch++) {
      const texts = Array.from({ length: 10 }, (_, i) => `flood win ${batch * 10 + i}`);
      // 1,500 over 8 s of the bot's clock: about 5 ms apart.
      const sent = texts.map((text) => {
        h.clock.advance(5);
        return h.sandbox.chatInput('carol', { name: 'win', channel: 'general', options: { text } }).then((result) => ({ text, result }));
      });
      results.push(...(await Promise.all(sent)));
    }
    const accepted = results.filter(({ text, result }) => acknowledgedWin(result, text));
    const refused = results.filter(({ text, result }) => !acknowledgedWin(result, text));
    expect(accepted.length + refused.length).toBe(1500);
    expect(accepted.length).toBe(FLOOD_LIMITS.burst.max);
    expect(results.filter(({ result }) => publicAnswer(result))).toHaveLength(FLOOD_LIMITS.publicPosts.max);
    expect(h.sandbox.messages('general').filter((m) => !m.ephemeral && m.embeds.length > 0)).toHaveLength(FLOOD_LIMITS.publicPosts.max);
    for (const { text, result } of refused) {
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      expect(answerText(result)).toMatch(/a lot at once.*didn't save that one/s);
      // Like every other refusal, it gives the words back to copy.
      expect(answerText(result)).toContain(text);
    }
    expect(await winsOf('carol')).toBe(accepted.length);
    expect(h.sandbox.violations).toEqual([]);
  }, 120_000);

  it('past a few public celebrations, later wins are still saved but celebrated only for their author', async () => {
    const results: InteractionResult[] = [];
    for (let i = 0; i < 12; i++) {
      h.clock.advance(30_000); // two a minute: never a burst
      results.push(await h.sandbox.chatInput('dan', { name: 'win', channel: 'general', options: { text: `steady win ${i}` } }));
    }
    results.forEach((result, i) => expect(acknowledgedWin(result, `steady win ${i}`)).toBe(true));
    const shown = results.map((r) => (publicAnswer(r) ? 'public' : 'private'));
    expect(shown.filter((s) => s === 'public')).toHaveLength(FLOOD_LIMITS.publicPosts.max);
    expect(shown.slice(0, FLOOD_LIMITS.publicPosts.max).every((s) => s === 'public')).toBe(true);
    const quiet = results.at(-1);
    expect(quiet?.ephemeral).toBe(true);
    expect(quiet?.message?.content).toMatch(/celebrating this one just with you/);
    expect(await winsOf('dan')).toBe(12);
    // Another channel has its own allowance.
    const elsewhere = await h.sandbox.chatInput('dan', { name: 'win', channel: 'wins', options: { text: 'a win in the other channel' } });
    expect(publicAnswer(elsewhere)).toBe(true);
    // After ten quiet minutes the channel celebrates them again.
    h.clock.advance(FLOOD_LIMITS.publicPosts.perMs);
    expect(publicAnswer(await h.sandbox.chatInput('dan', { name: 'win', channel: 'general', options: { text: 'back in public' } }))).toBe(true);
  });

  describe('check-ins', () => {
    const week = '2026-W49';
    beforeAll(async () => {
      await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
      for (const name of ['alice', 'bob']) {
        await h.sandbox.chatInput(name, { name: 'partner', subcommand: 'join' });
        // A partner's check-in reaches them by DM only with `dms: true` (SPEC §5).
        await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
      }
      const paired = await pairWeek(h.database.db, h.sandbox.guildId, h.clock.now(), h.clock.now());
      expect(paired?.groups.flat().sort()).toEqual([id('alice'), id('bob')].sort());
      h.clock.set('2026-12-02T08:00:00Z');
    });
    const noteOf = async () =>
      (await h.database.db.select().from(checkins).where(and(eq(checkins.guildId, h.sandbox.guildId), eq(checkins.userId, id('alice')), eq(checkins.weekKey, week))))[0]?.note;

    it('30 check-ins in a day reach the partner once; later ones update the note and say so', async () => {
      const results: InteractionResult[] = [];
      for (let i = 0; i < 30; i++) {
        h.clock.advance(10 * 60_000);
        results.push(await h.sandbox.chatInput('alice', { name: 'checkin', options: { note: `how the week goes, take ${i}` } }));
      }
      expect(h.sandbox.dms('bob')).toHaveLength(1);
      expect(results[0]?.message?.content).toMatch(/I sent it to/);
      for (const result of results.slice(1)) expect(result.message?.content).toMatch(/already got a check-in from you today.*without sending another DM/s);
      expect(await noteOf()).toBe('how the week goes, take 29');
    });

    it('a burst of simultaneous check-ins sends no second DM that day, and the next day one more', async () => {
      const burst = await Promise.all(Array.from({ length: 8 }, (_, i) => h.sandbox.chatInput('alice', { name: 'checkin', options: { note: `all at once ${i}` } })));
      for (const result of burst) expect(result.failed).toBe(false);
      expect(h.sandbox.dms('bob')).toHaveLength(1);
      h.clock.set('2026-12-03T09:00:00Z');
      const nextDay = await Promise.all(Array.from({ length: 8 }, (_, i) => h.sandbox.chatInput('alice', { name: 'checkin', options: { note: `next day ${i}` } })));
      expect(nextDay.filter((r) => /I sent it to/.test(r.message?.content ?? ''))).toHaveLength(1);
      expect(h.sandbox.dms('bob')).toHaveLength(2);
    });

    it('past the burst limit a check-in is refused kindly and nothing changes', async () => {
      h.clock.advance(FLOOD_LIMITS.burst.perMs);
      const sent = [];
      for (let i = 0; i <= FLOOD_LIMITS.burst.max; i++) sent.push(await h.sandbox.chatInput('alice', { name: 'checkin', options: { note: `quick ${i}` } }));
      const last = sent.at(-1);
      expect(last?.ephemeral).toBe(true);
      expect(answerText(last as InteractionResult)).toMatch(/a lot at once/);
      expect(await noteOf()).toBe(`quick ${FLOOD_LIMITS.burst.max - 1}`);
    });
  });
});
