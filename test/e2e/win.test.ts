import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMemberTimezone } from '../../src/db/members.js';
import { listMemberWins } from '../support/wins.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 23:30 UTC: already Thursday in Kathmandu.
const start = '2026-11-25T23:30:00Z';

describe('/win through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const winsOf = (name: string) => listMemberWins(h.database.db, key(name));

  beforeAll(async () => {
    h = await startHarness(start);
    h.sandbox.addUser('cleo');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('stores the win and celebrates it in the channel', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'answered one email' } });
    expect(result.kind).toBe('reply');
    expect(result.ephemeral).toBe(false);
    const embed = result.message?.embeds[0];
    expect(embed?.description).toContain('> answered one email');
    expect(embed?.description).toContain('first win here');
    const stored = await winsOf('alice');
    expect(stored.map((w) => [w.text, w.isPrivate])).toEqual([['answered one email', false]]);
    expect(stored[0]?.occurredAt.toISOString()).toBe('2026-11-25T23:30:00.000Z');

    const second = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'went for a walk' } });
    expect(second.message?.embeds[0]?.description).toContain("That's your 2nd win this week.");
  });

  it('answers a private win only to its author and stores it as private', async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'slept eight hours', private: true } });
    expect(result.kind).toBe('reply');
    expect(result.ephemeral).toBe(true);
    expect(result.message?.embeds[0]?.footer?.text).toMatch(/Private/);
    expect((await winsOf('bob')).map((w) => [w.text, w.isPrivate])).toEqual([['slept eight hours', true]]);
  });

  it('never hints at private wins in a public reply, nor tells the member a false count', async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'called my sister' } });
    await h.sandbox.idle();
    expect(result.ephemeral).toBe(false);
    const shown = result.message?.embeds[0]?.description ?? '';
    expect(shown).not.toMatch(/first win|private|2nd/);
    expect(shown).toContain('Logged. 🌱');
    expect(result.followUps.map((m) => [m.ephemeral, m.content])).toEqual([
      [true, "Counting your private wins too, that's your 2nd win this week. 🌱\n-# Only you can see this."],
    ]);
  });

  it('refuses 501 characters ephemerally, gives the text back, and stores nothing', async () => {
    const before = (await winsOf('alice')).length;
    const text = 'x'.repeat(501);
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text }, skipClientChecks: true });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/at most 500 characters \(yours has 501\)/);
    expect(result.message?.content).toContain(text);
    expect(await winsOf('alice')).toHaveLength(before);

    const exactly = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'y'.repeat(500) } });
    expect(exactly.ephemeral).toBe(false);
    expect(await winsOf('alice')).toHaveLength(before + 1);
  });

  it('refuses a win of only spaces', async () => {
    const before = (await winsOf('alice')).length;
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: '    ' }, skipClientChecks: true });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/needs a few words/);
    expect(await winsOf('alice')).toHaveLength(before);
  });

  it('stores no NUL, refuses invisible text with it given back, and posts no bidi trick or hidden link', async () => {
    const before = (await winsOf('cleo')).length;
    const invisible = await h.sandbox.chatInput('cleo', { name: 'win', options: { text: '\u200b\u200b\u2060' }, skipClientChecks: true });
    expect(invisible.ephemeral).toBe(true);
    expect(invisible.message?.content).toMatch(/needs a few words[\s\S]*```\n\u200b\u200b\u2060\n```/);
    expect(await winsOf('cleo')).toHaveLength(before);

    const posted = await h.sandbox.chatInput('cleo', { name: 'win', options: { text: 'fixed\u0000 my photo\u202egpj.exe, see [free nitro](https://evil.example/claim)' } });
    expect(posted.ephemeral).toBe(false);
    const description = posted.message?.embeds[0]?.description ?? '';
    expect(description).toContain('> fixed my photogpj.exe, see \\[free nitro\\](https://evil.example/claim)');
    expect(description).not.toContain('\u0000');
    expect(description).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect((await winsOf('cleo')).map((w) => w.text)).toContain('fixed my photo\u202egpj.exe, see [free nitro](https://evil.example/claim)');
  });

  it('pings no one, whatever mentions the win contains', async () => {
    const role = h.sandbox.adminRoleId;
    const bob = h.sandbox.user('bob').id;
    const text = `fixed the bike @everyone @here <@&${role}> <@${bob}>`;
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text }, skipClientChecks: true });
    expect(result.message?.embeds[0]?.description).toContain(text);
    expect(result.message?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(result.message?.allowed_mentions).toMatchObject({ parse: [] });
  });

  it('puts when:yesterday on yesterday in the member’s timezone', async () => {
    await setMemberTimezone(h.database.db, key('ada'), 'Asia/Kathmandu', h.clock.now());
    const result = await h.sandbox.chatInput('ada', { name: 'win', options: { text: 'stretched', when: 'yesterday' } });
    expect(result.message?.embeds[0]?.description).toContain('(logged for yesterday)');
    // Kathmandu's today is 26 Nov, so yesterday is 25 Nov, stored at local noon (UTC+05:45).
    const [win] = await winsOf('ada');
    expect(win?.occurredAt.toISOString()).toBe('2026-11-25T06:15:00.000Z');
  });

  it('refuses dates it cannot use, kindly and privately, saving nothing', async () => {
    const before = (await winsOf('alice')).length;
    const cases: [string, RegExp][] = [
      ['last week', /didn't understand/],
      ['2026-11-10', /last 14 days/],
      ['2026-11-27', /hasn't happened yet/],
      ['2026-02-30', /didn't understand/],
    ];
    for (const [when, message] of cases) {
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'a win', when } });
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(message);
    }
    expect(await winsOf('alice')).toHaveLength(before);
    const oldest = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'a win', when: '2026-11-11' } });
    expect(oldest.ephemeral).toBe(false);
  });

  it('gives as its example a date the member can log today, not a fixed one outside the window', async () => {
    const refused = await h.sandbox.chatInput('cleo', { name: 'win', options: { text: 'a win', when: 'tuesday' } });
    const example = /a date like `(\d{4}-\d{2}-\d{2})`/.exec(refused.message?.content ?? '')?.[1];
    expect(example).toBe('2026-11-23');
    const typedBack = await h.sandbox.chatInput('cleo', { name: 'win', options: { text: 'a win', when: example ?? '' } });
    expect(typedBack.ephemeral).toBe(false);
    expect(typedBack.message?.embeds[0]?.description).toContain('(from 2 days ago)');
  });

  it('suggests days for when, at most 25, in the member’s timezone', async () => {
    const choices = await h.sandbox.autocomplete('ada', { name: 'win', options: { text: 'x', when: '' }, focused: 'when' });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'today (2026-11-26)', value: 'today' });
    const typed = await h.sandbox.autocomplete('ada', { name: 'win', options: { text: 'x', when: 'yes' }, focused: 'when' });
    expect(typed.map((c) => c.value)).toEqual(['yesterday']);
  });

  it('explains itself with /help, privately', async () => {
    const result = await h.sandbox.chatInput('bob', { name: 'help' });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.embeds[0]?.description).toMatch(/\/win/);
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
    for (const message of h.sandbox.allMessages()) {
      expect(message.pings).toEqual({ users: [], roles: [], everyone: false });
    }
  });
});
