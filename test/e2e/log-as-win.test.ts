import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { logAsWin } from '../../commands/log-as-win.js';
import { remember } from '../../commands/remember.js';
import { wins } from '../../commands/wins.js';
import { listMemberWins } from '../support/wins.js';
import { startHarness, type Harness } from '../support/harness.js';

// Works before and after commands/index.ts lists these (a name registered twice is refused).
const mine = new Set([wins, logAsWin, remember].map((c) => c.data.name));
const withoutMine = commands.filter((c) => !mine.has(c.data.name));

// Thursday 26 Nov 2026, 10:00 UTC.
const start = '2026-11-26T10:00:00Z';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('"Log as my win" through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const winsOf = (name: string) => listMemberWins(h.database.db, key(name));
  const logMessage = (name: string, messageId: string) => h.sandbox.messageCommand(name, { name: 'Log as my win', messageId });

  beforeAll(async () => {
    h = await startHarness(start, { commands: [...withoutMine, wins, logAsWin, remember] });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs your own message as a public win and celebrates it like /win', async () => {
    const target = h.sandbox.postMessage('alice', 'general', '  finished the first draft  ');
    const result = await logMessage('alice', target.id);
    expect(result.kind).toBe('reply');
    expect(result.ephemeral).toBe(false);
    const embed = result.message?.embeds[0];
    expect(embed?.description).toContain('> finished the first draft');
    expect(embed?.description).toContain('first win here');
    expect(embed?.footer?.text).toBe('Every size counts.');
    const stored = await winsOf('alice');
    expect(stored.map((w) => [w.text, w.isPrivate, w.source, w.sourceMessageId])).toEqual([
      ['finished the first draft', false, 'message', target.id],
    ]);
    expect(stored[0]?.occurredAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');
  });

  it('adds to the same tally as /win', async () => {
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'went for a walk' } });
    const target = h.sandbox.postMessage('alice', 'wins', 'cooked dinner');
    const result = await logMessage('alice', target.id);
    expect(result.message?.embeds[0]?.description).toContain("That's your 3rd win this week.");
  });

  it("refuses someone else's message, clearly and privately, and stores nothing", async () => {
    const before = await winsOf('alice');
    const target = h.sandbox.postMessage('alice', 'general', 'ran 5k');
    const result = await logMessage('bob', target.id);
    expect(result.ephemeral).toBe(true);
    // Kind, and no promise of a way to cheer that the bot does not offer.
    expect(result.message?.content).toMatch(/theirs to log/);
    expect(result.message?.content).not.toMatch(/cheer/i);
    expect(await winsOf('bob')).toEqual([]);
    // Compared by id: a celebration's message id may be noted on an earlier win meanwhile.
    expect((await winsOf('alice')).map((w) => w.id)).toEqual(before.map((w) => w.id));
  });

  it("refuses the bot's own messages the same way", async () => {
    const celebrated = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'watered the plants' } });
    const result = await logMessage('bob', celebrated.message?.id ?? '');
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/theirs to log/);
    expect(await winsOf('bob')).toHaveLength(1);
  });

  it('logs a message only once, and says so kindly the second time', async () => {
    const target = h.sandbox.postMessage('bob', 'general', 'fixed the sink');
    expect((await logMessage('bob', target.id)).ephemeral).toBe(false);
    const again = await logMessage('bob', target.id);
    expect(again.ephemeral).toBe(true);
    expect(again.message?.content).toMatch(/already logged as a win — it counts once, and it counted/);
    expect((await winsOf('bob')).filter((w) => w.sourceMessageId === target.id)).toHaveLength(1);
    // Deferred replies must not linger as public "thinking…" messages.
    expect(h.sandbox.messages('general').filter((m) => m.interaction?.id === again.interactionId && !m.ephemeral)).toEqual([]);
  });

  it('refuses a message with no words', async () => {
    const before = (await winsOf('alice')).length;
    for (const content of ['', '   \n  ']) {
      const target = h.sandbox.postMessage('alice', 'general', content);
      const result = await logMessage('alice', target.id);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(/no words I can log/);
    }
    expect(await winsOf('alice')).toHaveLength(before);
  });

  it('refuses a message over 500 characters, giving the text back, and logs one of exactly 500', async () => {
    const before = (await winsOf('alice')).length;
    const long = h.sandbox.postMessage('alice', 'general', 'z'.repeat(501));
    const refused = await logMessage('alice', long.id);
    expect(refused.ephemeral).toBe(true);
    expect(refused.message?.content).toMatch(/has 501 characters, and a win can be at most 500/);
    expect(refused.message?.content).toContain('z'.repeat(501));
    expect(await winsOf('alice')).toHaveLength(before);

    const exactly = h.sandbox.postMessage('alice', 'general', '🌱'.repeat(500));
    expect((await logMessage('alice', exactly.id)).ephemeral).toBe(false);
    expect(await winsOf('alice')).toHaveLength(before + 1);
  });

  it('pings no one, whatever mentions the message contains', async () => {
    const bob = h.sandbox.user('bob').id;
    const text = `shipped it with <@${bob}> @everyone @here <@&${h.sandbox.adminRoleId}>`;
    const target = h.sandbox.postMessage('ada', 'general', text);
    const result = await logMessage('ada', target.id);
    expect(result.message?.embeds[0]?.description).toContain(text);
    expect(result.message?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(result.message?.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('dates the win when the message was posted, up to 14 days back', async () => {
    const twoDaysOld = h.sandbox.postMessage('ada', 'general', 'planted tulips');
    const fifteenDaysOld = h.sandbox.postMessage('ada', 'general', 'an old one');
    h.clock.advance(2 * DAY_MS);
    const result = await logMessage('ada', twoDaysOld.id);
    expect(result.message?.embeds[0]?.description).toContain('(from 2 days ago)');
    const stored = (await winsOf('ada')).find((w) => w.sourceMessageId === twoDaysOld.id);
    expect(stored?.occurredAt.toISOString()).toBe('2026-11-26T10:00:00.000Z');

    h.clock.advance(13 * DAY_MS);
    const refused = await logMessage('ada', fifteenDaysOld.id);
    expect(refused.ephemeral).toBe(true);
    expect(refused.message?.content).toMatch(/more than 14 days ago/);
    expect((await winsOf('ada')).some((w) => w.sourceMessageId === fifteenDaysOld.id)).toBe(false);
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
    for (const message of h.sandbox.allMessages().filter((m) => m.author.id === h.sandbox.botUserId)) {
      expect(message.pings).toEqual({ users: [], roles: [], everyone: false });
    }
  });
});
