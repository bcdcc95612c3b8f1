import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guildSettings } from '../../src/db/guild-settings.js';
import { guilds } from '../../src/db/schema.js';
import type { SandboxGuild } from '../../src/sandbox/types.js';
import { signedInAs, startWebHarness, type WebClient, type WebHarness } from './support.js';

const start = '2026-11-25T10:00:00Z';

// The web view of a GATEWAY=off worker: what it asked Discord about the bot's servers is a minute old at most,
// and the database says at once that a server removed the bot (the gateway process, or a refused post, wrote it).
describe('the web view and a server that removed the bot', () => {
  let h: WebHarness;
  let second: SandboxGuild;
  let alice: WebClient;
  let cleo: WebClient;
  const leftAt = async () => (await h.database.db.select({ at: guilds.leftAt }).from(guilds).where(eq(guilds.id, second.id)))[0]?.at;
  const statusOf = async (client: WebClient, path: string) => (await client.get(path)).status;

  beforeAll(async () => {
    h = await startWebHarness(start, { directory: 'rest' });
    h.sandbox.addUser('cleo', { manageGuild: true });
    second = h.sandbox.addGuild('Second');
    await guildSettings(h.database.db, second.id, h.clock.now());
    await h.database.db.update(guilds).set({ consistencyRole: true }).where(eq(guilds.id, second.id));
    alice = await signedInAs(h, 'alice');
    cleo = await signedInAs(h, 'cleo');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lists and opens the server while the bot is in it', async () => {
    expect(await alice.html('/')).toContain(`href="/g/${second.id}"`);
    expect(await statusOf(alice, `/g/${second.id}`)).toBe(200);
    expect(await statusOf(cleo, `/g/${second.id}/admin`)).toBe(200);
    expect(await statusOf(alice, `/auth/link-role?guild=${second.id}`)).toBe(302);
  });

  it('after the removal, lists it to no one and answers every page as for a server the bot is not in', async () => {
    h.sandbox.removeBot(second.id);
    await vi.waitFor(async () => expect(await leftAt()).toBeInstanceOf(Date), { timeout: 5000 });
    const withoutToken = (page: string) => page.replace(/<input type="hidden" name="_csrf" value="[^"]+">/g, '');
    for (const client of [alice, cleo]) {
      const unknown = withoutToken(await client.html('/g/123456789012345678'));
      const home = await client.html('/');
      expect(home).not.toContain(`/g/${second.id}`);
      expect(home).toContain(`href="/g/${h.sandbox.guildId}"`);
      for (const path of ['', '/wins', '/settings', '/data', '/data/export', '/admin']) {
        const response = await client.get(`/g/${second.id}${path}`);
        expect(response.status, path).toBe(404);
        expect(withoutToken(await response.text()), path).toBe(unknown);
      }
    }
    const csrf = await cleo.csrf('/');
    const post = await cleo.post(`/g/${second.id}/admin/checkins`, { _csrf: csrf, enabled: 'on' });
    expect(post.status).toBe(404);
    expect((await h.database.db.select({ on: guilds.checkinsEnabled }).from(guilds).where(eq(guilds.id, second.id)))[0]?.on).toBe(false);
    expect(await statusOf(alice, `/auth/link-role?guild=${second.id}`)).toBe(400);
  });

  it('when the bot is added back, the server is listed and opens again', async () => {
    h.sandbox.addBot(second.id);
    await vi.waitFor(async () => expect(await leftAt()).toBeNull(), { timeout: 5000 });
    expect(await alice.html('/')).toContain(`href="/g/${second.id}"`);
    expect(await statusOf(alice, `/g/${second.id}/wins`)).toBe(200);
    expect(await statusOf(cleo, `/g/${second.id}/admin`)).toBe(200);
  });
});
