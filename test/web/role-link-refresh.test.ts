import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleLinks } from '../../src/db/schema.js';
import { openToken, sealKeyFrom } from '../../src/features/token-seal.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { SANDBOX_CLIENT_SECRET } from '../../src/sandbox/oauth.js';
import { startWebHarness, WebClient, type WebHarness } from './support.js';

const SECRET = 'a-test-session-secret-that-is-long-enough';
// Sunday 8 Nov 2026, 09:00 UTC: the link is made now, Discord's 7-day grant runs out on Sunday 15th.
const start = '2026-11-08T09:00:00Z';

describe('the consistency role keeps updating after Discord’s 7-day grant runs out', () => {
  let h: WebHarness;
  let scheduler: Scheduler;
  const logged: string[] = [];
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = async (name: string) => {
    const client = new WebClient(h.webUrl);
    await client.signIn(id(name));
    return client;
  };
  const tokens = async () => {
    const [row] = await h.database.db.select().from(roleLinks);
    const key = sealKeyFrom(SECRET);
    return { row, access: openToken(key, row?.sealedToken ?? ''), refresh: openToken(key, row?.sealedRefreshToken ?? '') };
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
    scheduler = createBotScheduler(h.bot.client, { db: h.database.db, clock: h.clock, logger: pino({ level: 'trace' }, sink), roleLinkSecret: SECRET, oauthClientSecret: SANDBOX_CLIENT_SECRET });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    const cleo = await signedIn('cleo');
    await cleo.post(`${guild()}/admin/consistency-role`, { _csrf: await cleo.csrf(`${guild()}/admin`), enabled: 'on' });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'one small step', private: true } });
    const alice = await signedIn('alice');
    const started = await alice.get(`/auth/link-role?guild=${h.sandbox.guildId}`);
    const authorize = new URL(started.headers.get('location') ?? '');
    const picked = await fetch(new URL('/oauth2/authorize', authorize), { method: 'POST', body: new URLSearchParams([...authorize.searchParams, ['user_id', id('alice')]]), redirect: 'manual' });
    await alice.get(picked.headers.get('location') ?? '');
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
});
