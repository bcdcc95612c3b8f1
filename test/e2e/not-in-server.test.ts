import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

describe('a command from a server that never added the bot', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(start);
    // Global as in production, so the commands show in a server that never added the bot too.
    await deployCommands(commands, { apiUrl: h.sandbox.apiUrl, token: h.sandbox.token, applicationId: h.sandbox.applicationId });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('with no server shared with the bot yet, stores no win and makes no server row there, and says so kindly and privately', async () => {
    const elsewhere = h.sandbox.addGuild('Elsewhere', { withBot: false });
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote 300 words' }, guild: elsewhere.id, channel: 'general' });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/we don't share a server where I could count it yet.*Nothing was saved/);
    const rows = await h.database.db.execute(sql`select (select count(*) from wins)::int as wins, (select count(*) from guilds where id = ${elsewhere.id})::int as guilds`);
    const [counts] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { wins: number; guilds: number }[];
    expect(counts).toEqual({ wins: 0, guilds: 0 });
    expect(h.sandbox.allMessages().filter((m) => m.channel_id === h.sandbox.channel('general', elsewhere.id).id && !m.ephemeral)).toEqual([]);
  });

  it('still keeps a win in the server that did add it', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'watered the plants' } });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(false);
  });

  it("then counts a win from there in that server, privately, and posts nothing where the bot wasn't added", async () => {
    const elsewhere = h.sandbox.guild('Elsewhere');
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote 300 words' }, guild: elsewhere.id, channel: 'general' });
    expect(result.failed).toBe(false);
    expect(result.ephemeral).toBe(true);
    const rows = await h.database.db.execute(sql`select guild_id, is_private from wins where text = 'wrote 300 words'`);
    expect(Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows).toEqual([{ guild_id: h.sandbox.guildId, is_private: true }]);
    expect(h.sandbox.allMessages().filter((m) => m.channel_id === h.sandbox.channel('general', elsewhere.id).id && !m.ephemeral)).toEqual([]);
  });

  it('keeps the server-only commands refused there', async () => {
    const elsewhere = h.sandbox.guild('Elsewhere');
    const result = await h.sandbox.chatInput('alice', { name: 'checkin', options: { note: 'a good week' }, guild: elsewhere.id, channel: 'general' });
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/I'm not in this server/);
  });
});
