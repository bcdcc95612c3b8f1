import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkins, goals, wins } from '../../src/db/schema.js';
import type { HandledInteraction } from '../../src/discord/router.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { answerText } from '../support/answers.js';
import { startHarness, type Harness } from '../support/harness.js';
import { actions, type Action } from './support.js';

// Issue 9: every command, option, button and autocomplete, fed arbitrary input through the real client.
// Small batches: a loaded CI machine must still answer each within Discord's 3 s.
const BATCH = 10;
const SEED = 20261129;
const APOLOGY = /Sorry — something went wrong/;

/** The fuzz suite at a size: npm test runs a quick pass, the soak suite (also in CI) the full 10,000. */
export function fuzzSuite(ARBITRARY: number, INVALID: number): void {
  describe('fuzzing every interaction through the sandbox', () => {
    let h: Harness;
    const outcomes = new Map<string, HandledInteraction>();
    const users = ['alice', 'bob', 'ada', ...Array.from({ length: 12 }, (_, i) => `fuzz${i}`)];
    let all: fc.Arbitrary<Action>;
    const problems: string[] = [];

    beforeAll(async () => {
      h = await startHarness('2026-11-25T12:00:00Z', { onInteraction: (event) => outcomes.set(event.interactionId, event) });
      for (const name of users.slice(3)) h.sandbox.addUser(name);
      await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
      await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Read', target: 3, period: 'week' } });
      const prefixes = [...h.sandbox.commands().map((c) => c.name), 'checkin:cheer', 'privacy:delete', 'privacy:cancel', 'goal:accept', 'goal:decline', 'wins:page'];
      all = actions(h.sandbox.commands(), users, prefixes);
    }, 60_000);
    afterAll(async () => {
      if (h) await forgetCollidingSecrets();
      await h?.close();
    });

    /**
     * Fuzzed texts repeat across members ("🌱🌱🌱" is inside another's "🌱🌱🌱🌱"), so the closing leak sweep,
     * which looks for each private text anywhere another member can see, would flag words that member wrote
     * themselves. Those private rows go before the sweep; every other one is still swept.
     */
    async function forgetCollidingSecrets(): Promise<void> {
      const db = h.database.db;
      const rows = [
        ...(await db.select({ table: sql<string>`'wins'`, id: sql<string>`${wins.id}::text`, userId: wins.userId, text: wins.text, secret: wins.isPrivate }).from(wins)),
        ...(await db.select({ table: sql<string>`'goals'`, id: sql<string>`${goals.id}::text`, userId: goals.userId, text: goals.title, secret: sql<boolean>`${goals.share} <> 'server'` }).from(goals)),
        ...(await db.select({ table: sql<string>`'checkins'`, id: checkins.weekKey, userId: checkins.userId, text: checkins.note, secret: sql<boolean>`${checkins.share} = 'private'` }).from(checkins)),
      ];
      const posted = h.sandbox.allMessages().filter((m) => m.author.id !== h.sandbox.botUserId).map((m) => ({ userId: m.author.id, text: m.content.toLowerCase() }));
      const others = [...rows.map((r) => ({ userId: r.userId, text: r.text.toLowerCase() })), ...posted];
      for (const row of rows.filter((r) => r.secret)) {
        const text = row.text.toLowerCase();
        if (!others.some((o) => o.userId !== row.userId && o.text.includes(text)) && !posted.some((p) => p.text.includes(text))) continue;
        if (row.table === 'wins') await db.delete(wins).where(eq(wins.id, Number(row.id)));
        else if (row.table === 'goals') await db.delete(goals).where(eq(goals.id, Number(row.id)));
        else await db.delete(checkins).where(and(eq(checkins.userId, row.userId), eq(checkins.weekKey, row.id)));
      }
    }

    const counts = async (): Promise<string> => {
      const result = await h.database.db.execute(sql`select
        (select count(*) from wins) w, (select count(*) from goals) g, (select count(*) from goal_revisions) r, (select count(*) from checkins) c,
        (select count(*) from checkin_cheers) ch, (select count(*) from members) m, (select count(*) from pauses) p, (select count(*) from guilds) gu,
        (select count(*) from pairings) pa, (select count(*) from member_dms) d`);
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
      return JSON.stringify(rows[0]);
    };

    /** Runs one action; answers its result (undefined for autocomplete) or the error that stopped it. */
    async function run(action: Action): Promise<{ result?: InteractionResult; choices?: number; error?: unknown }> {
      try {
        switch (action.kind) {
          case 'command':
            return { result: await h.sandbox.chatInput(action.user, { name: action.name, subcommand: action.subcommand, options: action.options, skipClientChecks: action.skipClientChecks, channel: 'general' }) };
          case 'autocomplete':
            return { choices: (await h.sandbox.autocomplete(action.user, { name: action.name, subcommand: action.subcommand, options: { [action.focused]: action.value }, focused: action.focused })).length };
          case 'button': {
            // A forged id on a message of the bot's, as a modified client could send.
            const message = (await h.bot.rest.post(`/channels/${h.sandbox.channels.general}/messages`, {
              body: { content: 'fuzz', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x', custom_id: action.customId }] }], allowed_mentions: { parse: [] } },
            })) as { id: string };
            return { result: await h.sandbox.clickButton(action.user, { messageId: message.id, customId: action.customId }) };
          }
          case 'menu': {
            const message = h.sandbox.postMessage(action.user, 'general', action.content);
            return { result: await h.sandbox.messageCommand(action.user, { name: 'Log as my win', messageId: message.id }) };
          }
        }
      } catch (error) {
        return { error };
      }
    }

    /** The router reports an interaction just after answering it: wait for that report. */
    async function handledOf(id: string): Promise<HandledInteraction | undefined> {
      await vi.waitFor(() => expect(outcomes.has(id)).toBe(true), { timeout: 5_000, interval: 2 }).catch(() => undefined);
      return outcomes.get(id);
    }

    async function check(action: Action, outcome: Awaited<ReturnType<typeof run>>): Promise<HandledInteraction | undefined> {
      const where = JSON.stringify(action).slice(0, 300);
      if (outcome.error) {
        // The sandbox's client refuses what Discord's client would not send: not an interaction at all.
        if (outcome.error instanceof Error && /must be|missing required|has no option|not a number|expected true|unknown (user|channel)/.test(outcome.error.message)) return undefined;
        problems.push(`threw: ${String(outcome.error)} for ${where}`);
        return undefined;
      }
      const result = outcome.result;
      if (!result) return undefined;
      const handled = await handledOf(result.interactionId);
      if (!handled) problems.push(`never handled for ${where}`);
      if (result.failed || result.kind === 'none') problems.push(`unanswered (${result.kind}) for ${where}`);
      if (handled?.outcome === 'error' || APOLOGY.test(answerText(result))) problems.push(`crashed (${handled?.reason ?? 'apology'}) for ${where}`);
      if (handled?.outcome === 'refused' && !(result.ephemeral || result.followUps.some((m) => m.ephemeral))) problems.push(`refused in public for ${where}`);
      return handled;
    }

    it(`answers ${ARBITRARY} arbitrary interactions without a crash, an unanswered one or an over-limit body`, async () => {
      const sample = fc.sample(all, { numRuns: ARBITRARY, seed: SEED });
      for (let from = 0; from < sample.length; from += BATCH) {
        h.clock.advance(31_000); // past the burst window now and then, so not everything is "slow down"
        const batch = sample.slice(from, from + BATCH);
        const results = await Promise.all(batch.map(run));
        await Promise.all(batch.map((action, i) => check(action, results[i] ?? {})));
        if (problems.length > 20) break;
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect(h.sandbox.violations).toEqual([]);
      const bot = h.sandbox.allMessages().filter((m) => m.author.id === h.sandbox.botUserId);
      expect(bot.filter((m) => m.pings.users.length + m.pings.roles.length > 0 || m.pings.everyone).map((m) => m.content)).toEqual([]);
    }, 300_000);

    it(`refuses ${INVALID} invalid inputs and forged buttons kindly, writing nothing`, async () => {
      const invalid = all.filter((a) => (a.kind === 'command' && a.skipClientChecks) || a.kind === 'button');
      const sample = fc.sample(invalid, { numRuns: INVALID, seed: SEED + 1 });
      let refused = 0;
      for (const action of sample) {
        h.clock.advance(4_000);
        const before = await counts();
        const handled = await check(action, await run(action));
        if (handled?.outcome !== 'refused') continue;
        refused += 1;
        const after = await counts();
        if (after !== before) problems.push(`refused but wrote (${before} → ${after}) for ${JSON.stringify(action).slice(0, 300)}`);
        if (problems.length > 20) break;
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect(refused).toBeGreaterThan(INVALID / 3);
      expect(h.sandbox.violations).toEqual([]);
    }, 300_000);
  });
}
