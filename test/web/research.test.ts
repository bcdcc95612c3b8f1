import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleLinks } from '../../src/db/schema.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { signedInAs, startWebHarness, type WebClient, type WebHarness } from './support.js';

const SECRET = 'a-test-session-secret-that-is-long-enough';

// Monday 2 Nov 2026, 09:00 UTC.
const start = '2026-11-02T09:00:00Z';

describe('the web view shows what SPEC §13 adds', () => {
  let h: WebHarness;
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = (name: string) => signedInAs(h, name);

  let scheduler: Scheduler | undefined;
  /** The link flow as a browser follows it: our start, the sandbox's consent page (picking `as`), our callback. */
  const link = async (client: WebClient, as: string) => {
    const started = await client.get(`/auth/link-role?guild=${h.sandbox.guildId}`);
    if (started.status !== 302) return { started, finished: undefined };
    const authorize = new URL(started.headers.get('location') ?? '');
    const picked = await fetch(new URL('/oauth2/authorize', authorize), {
      method: 'POST',
      body: new URLSearchParams([...authorize.searchParams, ['user_id', id(as)]]),
      redirect: 'manual',
    });
    return { started, authorize, finished: await client.get(picked.headers.get('location') ?? '') };
  };

  beforeAll(async () => {
    h = await startWebHarness(start, { sessionSecret: SECRET });
    h.sandbox.addUser('cleo', { manageGuild: true });
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('tells the repaired streak as /progress does, and marks the repaired week in the calendar', async () => {
    for (const day of ['2026-11-02', '2026-11-09', '2026-11-16']) {
      h.clock.set(`${day}T12:00:00Z`);
      await h.sandbox.chatInput('bob', { name: 'win', options: { text: `page for ${day}`, private: true } });
    }
    h.clock.set('2026-11-30T10:00:00Z');
    const bob = await signedIn('bob');
    expect(await bob.html(guild())).toContain('/progress</code> offers a free repair');
    const page = await h.sandbox.chatInput('bob', { name: 'progress' });
    const button = page.message?.components.flatMap((row) => (row as { components: { custom_id: string }[] }).components).find((b) => b.custom_id.startsWith('progress:repair:'));
    await h.sandbox.clickButton('bob', { messageId: page.message?.id ?? '', customId: button?.custom_id ?? '' });
    const overview = await bob.html(guild());
    expect(overview).toContain('3 weeks in a row with a win (with 1 repaired week 🩹)');
    expect(overview).not.toContain('offers a free repair');
    expect(overview.match(/data-date="2026-11-2\d" data-wins="0" data-repaired="true"/g)).toHaveLength(7);
    expect(overview).toContain('>repaired</text>');
  });

  it('shows a goal’s if-then plan in the member’s words, as words', async () => {
    await h.sandbox.chatInput('alice', {
      name: 'goal',
      subcommand: 'add',
      options: { title: 'Write', target: 2, period: 'week', when: 'after **lunch**', then: 'write 100 words', at: 'thu 13:00' },
    });
    const overview = await (await signedIn('alice')).html(guild());
    expect(overview).toContain('🗓️ When after lunch, I will write 100 words.');
    expect(overview).toContain('(reminder Thursdays 13:00)');
  });

  it('lets an admin offer the consistency role, registering its metadata with Discord', async () => {
    const cleo = await signedIn('cleo');
    const admin = await cleo.html(`${guild()}/admin`);
    expect(admin).toContain('Consistency role (optional)');
    const saved = await cleo.post(`${guild()}/admin/consistency-role`, { _csrf: await cleo.csrf(`${guild()}/admin`), enabled: 'on' });
    expect(saved.status).toBe(303);
    expect(h.sandbox.roleConnectionMetadata()).toEqual([{ type: 2, key: 'weeks_active', name: 'Weeks active', description: 'Weeks with a win, of the last 6' }]);
  });

  it('lets a member link it from the web view, with its own narrow grant, and sets their value at once', async () => {
    h.clock.set('2026-12-02T10:00:00Z');
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'one small step', private: true } });
    const alice = await signedIn('alice');
    expect(await alice.html(guild())).toContain('Link my consistency role');
    const { authorize, finished } = await link(alice, 'alice');
    expect(authorize?.searchParams.get('scope')).toBe('identify role_connections.write');
    expect(finished?.status).toBe(303);
    expect(h.sandbox.roleConnection('alice')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '1' } });
    expect(await alice.html(guild())).toContain('active <strong>1 of your last 6 weeks</strong>');
    // The token is stored sealed, never as given.
    const [row] = await h.database.db.select().from(roleLinks);
    expect(row?.sealedToken).toMatch(/^v1\./);
  });

  it('links nothing when the Discord account differs from the one signed in', async () => {
    const bob = await signedIn('bob');
    const { finished } = await link(bob, 'alice');
    expect(finished?.status).toBe(400);
    expect(await finished?.text()).toContain('a different Discord account');
    expect(h.sandbox.roleConnection('bob')).toBeUndefined();
  });

  it('keeps the value current after each recap while the member’s grant lasts', async () => {
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }), roleLinkSecret: SECRET });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'a step I forgot to log', when: '2026-11-25', private: true } });
    h.clock.set('2026-12-07T09:00:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    expect(h.sandbox.roleConnection('alice')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '2' } });
    // Discord's grant lasts 7 days, but the refresh token renews it (test/web/role-link-refresh.test.ts): the link has not run out.
    h.clock.set('2026-12-10T10:00:00Z');
    expect(await (await signedIn('alice')).html(guild())).not.toContain('Your link has run out');
  });

  it('refuses to link in a server that does not offer it', async () => {
    const cleo = await signedIn('cleo');
    await cleo.post(`${guild()}/admin/consistency-role`, { _csrf: await cleo.csrf(`${guild()}/admin`) });
    const { started } = await link(await signedIn('bob'), 'bob');
    expect(started.status).toBe(400);
  });
});
