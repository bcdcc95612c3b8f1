import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import type { SandboxGuild } from '../../src/sandbox/types.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

describe("a member's own install: from a DM or a server without the bot, things count in their home server", () => {
  let h: Harness;
  let second: SandboxGuild;
  let third: SandboxGuild;
  let elsewhere: SandboxGuild;

  const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => {
    const result = await h.database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
  };
  const winsOf = (name: string) =>
    rows<{ guild_id: string; text: string; is_private: boolean }>(
      sql`select guild_id, text, is_private from wins where user_id = ${h.sandbox.user(name).id} order by id`,
    );
  const homeOf = async (name: string) => (await rows<{ guild_id: string }>(sql`select guild_id from member_homes where user_id = ${h.sandbox.user(name).id}`))[0]?.guild_id;
  const publicIn = (guild: SandboxGuild) => h.sandbox.allMessages().filter((m) => m.channel_id === h.sandbox.channel('general', guild.id).id && !m.ephemeral);
  const publicInDm = (name: string) => h.sandbox.allMessages().filter((m) => m.channel_id === h.sandbox.dmChannel(name).id && !m.ephemeral);

  beforeAll(async () => {
    h = await startHarness(start);
    // Global as in production, so the commands show in DMs and in servers that never added the bot.
    await deployCommands(commands, { apiUrl: h.sandbox.apiUrl, token: h.sandbox.token, applicationId: h.sandbox.applicationId });
    second = h.sandbox.addGuild('Second');
    third = h.sandbox.addGuild('Third');
    elsewhere = h.sandbox.addGuild('Elsewhere', { withBot: false });
    // alice is known in one server; bob in two; ada in the third only.
    expect((await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'first win at home' } })).failed).toBe(false);
    expect((await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'hello main' } })).failed).toBe(false);
    expect((await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'hello second' }, guild: second.id, channel: 'general' })).failed).toBe(false);
    expect((await h.sandbox.chatInput('ada', { name: 'win', options: { text: 'hello third' }, guild: third.id, channel: 'general' })).failed).toBe(false);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('with one shared server and no home, a /win from a DM counts there privately, and says so once', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote in bed' }, dm: true });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(true);
    await vi.waitFor(() => expect(result.followUps).toHaveLength(1), { timeout: 5000 });
    expect(result.followUps[0]?.ephemeral).toBe(true);
    expect(result.followUps[0]?.content).toMatch(/You share one server with me/);
    expect(await winsOf('alice')).toEqual([
      { guild_id: h.sandbox.guildId, text: 'first win at home', is_private: false },
      { guild_id: h.sandbox.guildId, text: 'wrote in bed', is_private: true },
    ]);
    expect(await homeOf('alice')).toBe(h.sandbox.guildId);

    const again = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'made tea' }, dm: true });
    expect(again.ephemeral).toBe(true);
    expect(again.followUps).toEqual([]);
    expect(publicInDm('alice')).toEqual([]);
  });

  it('with several shared servers and no home, asks kindly and privately, and stores nothing', async () => {
    const before = await winsOf('bob');
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'wrote 300 words' }, dm: true });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/tell me which one is home first: `\/settings home`\. Nothing was saved/);
    expect(await winsOf('bob')).toEqual(before);
    expect(await homeOf('bob')).toBeUndefined();
    const progress = await h.sandbox.chatInput('bob', { name: 'progress', dm: true });
    expect(progress.message?.content).toMatch(/\/settings home/);
  });

  it('/settings home offers only the servers the member shares with the bot', async () => {
    const choices = await h.sandbox.autocomplete('bob', { name: 'settings', options: { home: '' }, focused: 'home', dm: true });
    expect(choices.map((c) => c.value).sort()).toEqual([h.sandbox.guildId, second.id].sort());
    expect(choices.map((c) => c.name)).toContain('Second');
    const typed = await h.sandbox.autocomplete('bob', { name: 'settings', options: { home: 'seco' }, focused: 'home', dm: true });
    expect(typed.map((c) => c.value)).toEqual([second.id]);
  });

  it('refuses a home the member does not share with the bot, kindly, changing nothing', async () => {
    for (const forged of [third.id, elsewhere.id, 'not-a-server']) {
      const result = await h.sandbox.chatInput('bob', { name: 'settings', options: { home: forged }, dm: true });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(/I can only make a server home when we're both in it/);
    }
    // Past the option's limit (an id has at most 20 digits), as only a forged client sends it.
    const tooLong = await h.sandbox.chatInput('bob', { name: 'settings', rawOptions: [{ name: 'home', type: 3, value: '1'.repeat(21) }], dm: true });
    expect(tooLong.failed).toBe(false);
    expect(tooLong.ephemeral).toBe(true);
    expect(await homeOf('bob')).toBeUndefined();
  });

  it('with a home set, a /win from a server without the bot counts there (private unless the member says otherwise) and posts nothing there', async () => {
    const set = await h.sandbox.chatInput('bob', { name: 'settings', options: { home: second.id }, dm: true });
    expect(set.ephemeral).toBe(true);
    expect(set.message?.content).toMatch(/that server is home now/);
    expect(await homeOf('bob')).toBe(second.id);

    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'ran 2 km', private: false }, guild: elsewhere.id, channel: 'general' });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(true);
    expect(result.followUps).toEqual([]);
    // private: false was said: it counts publicly at home (its recap), though nothing is posted here.
    expect((await winsOf('bob')).at(-1)).toEqual({ guild_id: second.id, text: 'ran 2 km', is_private: false });
    expect(publicIn(elsewhere)).toEqual([]);
    const guildRows = await rows<{ n: number }>(sql`select count(*)::int as n from guilds where id = ${elsewhere.id}`);
    expect(guildRows[0]?.n).toBe(0);

    const fromDm = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'called mum' }, dm: true });
    expect(fromDm.ephemeral).toBe(true);
    expect((await winsOf('bob')).at(-1)).toEqual({ guild_id: second.id, text: 'called mum', is_private: true });
    expect(publicInDm('bob')).toEqual([]);
  });

  it('/wins, /progress and /remember from a DM read the home server, privately', async () => {
    const wins = await h.sandbox.chatInput('bob', { name: 'wins', dm: true });
    expect(wins.failed).toBe(false);
    expect(wins.ephemeral).toBe(true);
    const text = JSON.stringify(wins.message);
    expect(text).toContain('called mum');
    expect(text).toContain('hello second');
    expect(text).not.toContain('hello main');
    // Its buttons, pressed in the DM, act in the home server too: delete the DM win.
    const buttons = (wins.message?.components ?? []).flatMap((row) => (row.components as { custom_id: string; label: string }[]) ?? []);
    const del = buttons.find((b) => b.label.includes('1'));
    expect(del).toBeDefined();
    const asked = await h.sandbox.clickButton('bob', { messageId: wins.message?.id ?? '', customId: del?.custom_id ?? '' });
    expect(asked.failed).toBe(false);
    expect(asked.message?.content).toMatch(/^Delete this win for good\?/);
    for (const name of ['progress', 'remember']) {
      const result = await h.sandbox.chatInput('bob', { name, dm: true });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
    }
  });

  it('/privacy delete in the home server forgets the home too', async () => {
    const asked = await h.sandbox.chatInput('bob', { name: 'privacy', subcommand: 'delete', guild: second.id, channel: 'general' });
    expect(asked.failed).toBe(false);
    const confirm = (asked.message?.components[0] as { components: { custom_id: string }[] }).components[0]?.custom_id ?? '';
    await h.sandbox.clickButton('bob', { messageId: asked.message?.id ?? '', customId: confirm });
    expect(await homeOf('bob')).toBeUndefined();
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'still here' }, dm: true });
    // Only the main server is shared now, so it becomes home, and bob is told so.
    await vi.waitFor(() => expect(result.followUps[0]?.content).toMatch(/You share one server with me/), { timeout: 5000 });
    expect(await homeOf('bob')).toBe(h.sandbox.guildId);
  });
  describe('a server the bot was removed from is no longer anyone\'s home', () => {
    let fourth: SandboxGuild;
    let fifth: SandboxGuild;
    // The gateway event travels and is recorded asynchronously, as with Discord: wait until the database has it.
    const removeBot = async (guild: SandboxGuild) => {
      h.sandbox.removeBot(guild.id);
      await vi.waitFor(async () => {
        const [row] = await rows<{ left: boolean }>(sql`select left_at is not null as left from guilds where id = ${guild.id}`);
        expect(row?.left).toBe(true);
      }, { timeout: 5000 });
    };
    const choicesOf = async (name: string) =>
      (await h.sandbox.autocomplete(name, { name: 'settings', options: { home: '' }, focused: 'home', dm: true })).map((c) => c.value).sort();

    beforeAll(async () => {
      fourth = h.sandbox.addGuild('Fourth');
      fifth = h.sandbox.addGuild('Fifth');
      h.sandbox.addUser('carol');
      for (const guild of [fourth, fifth]) {
        expect((await h.sandbox.chatInput('carol', { name: 'win', options: { text: `hello ${guild.name}` }, guild: guild.id, channel: 'general' })).failed).toBe(false);
      }
      const set = await h.sandbox.chatInput('carol', { name: 'settings', options: { home: fourth.id }, dm: true });
      expect(set.message?.content).toMatch(/that server is home now/);
      expect(await choicesOf('carol')).toEqual([fourth.id, fifth.id].sort());
    });

    it('after the bot leaves the home server, a /win from a DM counts in the one server still shared, and says so', async () => {
      await removeBot(fourth);
      const result = await h.sandbox.chatInput('carol', { name: 'win', options: { text: 'walked the dog' }, dm: true });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      await vi.waitFor(() => expect(result.followUps[0]?.content).toMatch(/You share one server with me/), { timeout: 5000 });
      expect((await winsOf('carol')).at(-1)).toEqual({ guild_id: fifth.id, text: 'walked the dog', is_private: true });
      expect(await homeOf('carol')).toBe(fifth.id);
      // Nothing of hers there is deleted by the leave.
      expect((await winsOf('carol')).filter((w) => w.guild_id === fourth.id)).toHaveLength(1);
    });

    it('/settings home neither offers nor accepts a server the bot left', async () => {
      expect(await choicesOf('carol')).toEqual([fifth.id]);
      const forged = await h.sandbox.chatInput('carol', { name: 'settings', options: { home: fourth.id }, dm: true });
      expect(forged.message?.content).toMatch(/I can only make a server home when we're both in it/);
      expect(await homeOf('carol')).toBe(fifth.id);
    });

    it('with no shared server left, asks to use the bot in a server first and stores nothing', async () => {
      await removeBot(fifth);
      const before = await winsOf('carol');
      const result = await h.sandbox.chatInput('carol', { name: 'win', options: { text: 'read a chapter' }, dm: true });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.content).toMatch(/we don't share a server where I could count it yet/);
      expect(await winsOf('carol')).toEqual(before);
      expect(await choicesOf('carol')).toEqual([]);
    });

    it('when the bot is added back, the server is offered again (an outage is not a removal)', async () => {
      h.sandbox.addBot(fourth.id);
      await vi.waitFor(async () => expect(await choicesOf('carol')).toEqual([fourth.id]), { timeout: 5000 });
      // An outage (GUILD_DELETE with `unavailable`) changes nothing.
      h.sandbox.guildOutage(fourth.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await choicesOf('carol')).toEqual([fourth.id]);
    });
  });
});
