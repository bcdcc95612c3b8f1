import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleLinks } from '../../src/db/schema.js';
import { openToken, sealKeyFrom } from '../../src/features/token-seal.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { SANDBOX_CLIENT_SECRET } from '../../src/sandbox/oauth.js';
import { signedInAs, startWebHarness, type WebHarness } from './support.js';

const SECRET = 'a-test-session-secret-that-is-long-enough';
// Sunday 8 Nov 2026, 09:00 UTC: the link is made now, Discord's 7-day grant runs out on Sunday 15th.
const start = '2026-11-08T09:00:00Z';

describe('the consistency role keeps updating after Discord’s 7-day grant runs out', () => {
  let h: WebHarness;
  let scheduler: Scheduler;
  const logged: string[] = [];
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = (name: string) => signedInAs(h, name);
  const tokens = async () => {
    const [row] = await h.database.db.select().from(roleLinks);
    const key = sealKeyFrom(SECRET);
    return { row, access: openToken(key, row?.sealedToken ?? ''), refresh: openToken(key, row?.sealedRefreshToken ?? '') };
  };
  const link = async (name: string) => {
    const client = await signedIn(name);
    const started = await client.get(`/auth/link-role?guild=${h.sandbox.guildId}`);
    const authorize = new URL(started.headers.get('location') ?? '');
    const picked = await fetch(new URL('/oauth2/authorize', authorize), { method: 'POST', body: new URLSearchParams([...authorize.searchParams, ['user_id', id(name)]]), redirect: 'manual' });
    await client.get(picked.headers.get('location') ?? '');
    return client;
  };
  const linkOf = async (name: string) => (await h.database.db.select().from(roleLinks)).find((row) => row.userId === id(name));
  const privacyDelete = async (name: string) => {
    const ask = await h.sandbox.chatInput(name, { name: 'privacy', subcommand: 'delete' });
    const confirm = (ask.message?.components[0] as { components: { custom_id: string }[] }).components[0]?.custom_id ?? '';
    return h.sandbox.clickButton(name, { messageId: ask.message?.id ?? '', customId: confirm });
  };
  const recapAt = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };

  beforeAll(async () => {
    h = await startWebHarness(start, { sessionSecret: SECRET });
    h.sandbox.addUser('cleo', { manageGuild: true });
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => void (logged.push(chunk.toString()), done()) });
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'trace' }, sink), roleLinkSecret: SECRET, oauthClientSecret: SANDBOX_CLIENT_SECRET });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    const cleo = await signedIn('cleo');
    await cleo.post(`${guild()}/admin/consistency-role`, { _csrf: await cleo.csrf(`${guild()}/admin`), enabled: 'on' });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'one small step', private: true } });
    await link('alice');
    await recapAt(start); // the scheduler runs from here
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('stores the refresh token sealed, like the access token', async () => {
    expect(h.sandbox.roleConnection('alice')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '1' } });
    const { row, refresh } = await tokens();
    expect(row?.sealedRefreshToken).toMatch(/^v1\./);
    expect(refresh).toMatch(/^[0-9a-f]{32}$/);
    expect(row?.sealedRefreshToken).not.toContain(refresh);
  });

  it('renews the expired grant with the refresh token and sets the value after the next recap, 8 days on', async () => {
    await recapAt('2026-11-10T12:00:00Z'); // Monday 9th's recap, with the grant still good
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'another step', private: true } });
    const before = await tokens();
    await recapAt('2026-11-16T09:00:00Z');
    expect(h.sandbox.roleConnection('alice')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '2' } });
    const after = await tokens();
    expect(after.access).not.toBe(before.access);
    expect(after.refresh).not.toBe(before.refresh);
    expect(after.row?.expiresAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(await (await signedIn('alice')).html(guild())).not.toContain('Your link has run out');
    for (const token of [before.access, before.refresh, after.access, after.refresh]) expect(logged.join('')).not.toContain(token);
  });

  it('renews the grant when Discord answers 401 before the stored expiry', async () => {
    h.clock.set('2026-11-17T12:00:00Z');
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'a third step', private: true } });
    const before = await tokens();
    // Discord dropped the access token early (the refresh token stays good).
    await fetch(`${h.sandbox.apiUrl}/oauth2/token/revoke`, { method: 'POST', body: new URLSearchParams({ token: before.access ?? '' }) });
    await recapAt('2026-11-23T09:00:00Z');
    expect(h.sandbox.roleConnection('alice')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '3' } });
    expect((await tokens()).access).not.toBe(before.access);
    for (const token of [before.access, before.refresh]) expect(logged.join('')).not.toContain(token);
  });

  it('asks the member to link again when Discord refuses the refresh token for good, and sends nothing', async () => {
    const { refresh, access } = await tokens();
    // The member removed the app from their Discord account: both tokens are gone.
    for (const token of [access, refresh]) await fetch(`${h.sandbox.apiUrl}/oauth2/token/revoke`, { method: 'POST', body: new URLSearchParams({ token: token ?? '' }) });
    const changes = h.sandbox.roleConnectionChanges('alice').length;
    await recapAt('2026-11-30T09:00:00Z');
    expect(h.sandbox.roleConnectionChanges('alice')).toHaveLength(changes);
    expect((await tokens()).row?.sealedRefreshToken).toBeNull();
    h.clock.set('2026-12-01T10:00:00Z');
    expect(await (await signedIn('alice')).html(guild())).toContain('Your link has run out');
  });

  it('clears the member’s role connection with Discord before /privacy delete removes the link', async () => {
    await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'a first step', private: true } });
    await link('bob');
    expect(h.sandbox.roleConnection('bob')).toEqual({ platform_name: 'Small Wins', metadata: { weeks_active: '1' } });
    const done = await privacyDelete('bob');
    expect(done.message?.content).toContain('gone');
    expect(h.sandbox.roleConnectionChanges('bob').at(-1)).toEqual({ method: 'PUT', metadata: {} });
    expect(h.sandbox.roleConnection('bob')?.metadata).toEqual({});
    expect(await linkOf('bob')).toBeUndefined();
  });

  it('still deletes everything when Discord refuses to clear the role connection', async () => {
    h.sandbox.addUser('dora');
    await h.sandbox.chatInput('dora', { name: 'win', options: { text: 'a first step', private: true } });
    await link('dora');
    const key = sealKeyFrom(SECRET);
    const row = await linkOf('dora');
    // Dora removed the app from her Discord account: both tokens are gone.
    for (const sealed of [row?.sealedToken, row?.sealedRefreshToken]) {
      await fetch(`${h.sandbox.apiUrl}/oauth2/token/revoke`, { method: 'POST', body: new URLSearchParams({ token: openToken(key, sealed ?? '') ?? '' }) });
    }
    const done = await privacyDelete('dora');
    expect(done.message?.content).toContain('gone');
    expect(h.sandbox.roleConnectionChanges('dora')).toHaveLength(1);
    expect(await linkOf('dora')).toBeUndefined();
  });

  it('clears it too when the member deletes their data from the web view', async () => {
    h.sandbox.addUser('eve');
    await h.sandbox.chatInput('eve', { name: 'win', options: { text: 'a first step', private: true } });
    const eve = await link('eve');
    const csrf = await eve.csrf(`${guild()}/data/delete`);
    expect(await (await eve.post(`${guild()}/data/delete`, { _csrf: csrf })).text()).toContain('Everything I stored about you here is gone');
    expect(h.sandbox.roleConnectionChanges('eve').at(-1)).toEqual({ method: 'PUT', metadata: {} });
    expect(await linkOf('eve')).toBeUndefined();
  });
});
