import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memberSettings } from '../../src/db/members.js';
import { guildSettings } from '../../src/db/guild-settings.js';
import { webSessions } from '../../src/db/schema.js';
import { memoryWebLimits } from '../../src/web/rate-limits.js';
import { startAbuseHarness, type AbuseHarness } from './abuse-support.js';
import { signedInAs, WebClient } from './support.js';

// Wednesday 25 Nov 2026.
const start = '2026-11-25T10:00:00Z';
const MINUTE = 60_000;

describe('the web view under abuse', () => {
  let h: AbuseHarness;
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = (name: string) => signedInAs(h, name);
  const sessionsOf = (name: string) => h.database.db.select().from(webSessions).where(eq(webSessions.userId, id(name)));
  const tokenOf = async (client: WebClient) => {
    const cookie = client.cookies.get('sw_session') ?? '';
    const rows = await h.database.db.select().from(webSessions).where(eq(webSessions.id, decodeURIComponent(cookie).split('.')[0] ?? ''));
    return rows[0]?.accessToken ?? '';
  };

  beforeAll(async () => {
    const limits = memoryWebLimits({
      signInsPerVisitor: { limit: 20, windowMs: 10 * MINUTE },
      postsPerVisitor: { limit: 12, windowMs: MINUTE },
      postsPerMember: { limit: 8, windowMs: MINUTE },
    });
    h = await startAbuseHarness(start, limits);
    h.sandbox.addUser('cleo', { manageGuild: true });
  }, 60_000);
  beforeEach(async () => {
    for (const rule of Object.values(h.limits)) await rule.store.resetAll?.();
    h.faults.guilds = 'pass';
  });
  afterAll(async () => {
    await h?.close();
  });

  it('bounds sign-ins from one visitor and answers the rest with a friendly 429 page', async () => {
    const visitor = new WebClient(h.webUrl);
    const answers = await Promise.all(Array.from({ length: 30 }, () => visitor.get('/auth/login')));
    expect(answers.filter((r) => r.status === 302)).toHaveLength(20);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]?.headers.get('retry-after')).toMatch(/^\d+$/);
    const page = await refused[0]?.text();
    expect(page).toContain('Slow down a moment');
    expect(page).toContain('<html');
    // The callback counts too: a visitor at the bound cannot finish a sign-in either.
    expect((await visitor.get('/auth/callback?code=x&state=y')).status).toBe(429);
  });

  it('bounds one member’s form posts across their sessions, and per visitor across members; sign-out is never refused', async () => {
    const phone = await signedIn('alice');
    const laptop = await signedIn('alice');
    const post = async (client: WebClient, n: number) => {
      const csrf = await client.csrf(`${guild()}/settings`);
      return Promise.all(Array.from({ length: n }, () => client.post(`${guild()}/settings`, { _csrf: csrf, timezone: 'Asia/Tokyo', dms: 'on' })));
    };
    const alice = [...(await post(phone, 5)), ...(await post(laptop, 5))];
    expect(alice.filter((r) => r.status === 303)).toHaveLength(8);
    const refused = alice.filter((r) => r.status === 429);
    expect(refused).toHaveLength(2);
    expect(await refused[0]?.text()).toContain('Slow down a moment');
    // Bob has his own member window, but this address has 2 posts left of its 12.
    const bob = await post(await signedIn('bob'), 6);
    expect(bob.filter((r) => r.status === 303)).toHaveLength(2);
    expect(await memberSettings(h.database.db, { guildId: h.sandbox.guildId, userId: id('bob') })).toMatchObject({ ownTimezone: 'Asia/Tokyo' });
    const out = await laptop.post('/auth/logout', { _csrf: await laptop.csrf(`${guild()}/settings`) });
    expect(out.status).toBe(303);
    expect(laptop.cookies.has('sw_session')).toBe(false);
  });

  it('keeps five sessions per member at most: a new sign-in ends the oldest', async () => {
    h.sandbox.addUser('dan');
    const clients: WebClient[] = [];
    for (let i = 0; i < 7; i++) {
      clients.push(await signedIn('dan'));
      h.clock.advance(MINUTE);
    }
    expect(await sessionsOf('dan')).toHaveLength(5);
    for (const client of clients.slice(0, 2)) expect((await client.get(`${guild()}/wins`)).status).toBe(302);
    for (const client of clients.slice(2)) expect((await client.get(`${guild()}/wins`)).status).toBe(200);
  });

  it('asks Discord before showing the settings page: a manager who lost Manage Server loses it within a minute', async () => {
    const cleo = await signedIn('cleo');
    expect((await cleo.get(`${guild()}/admin`)).status).toBe(200);
    h.sandbox.addUser('cleo', { manageGuild: false });
    try {
      h.clock.advance(MINUTE + 1000);
      const after = await cleo.get(`${guild()}/admin`);
      expect(after.status).toBe(403);
      const page = await after.text();
      expect(page).toContain('Only for server managers');
      expect(page).not.toContain('recap');
    } finally {
      h.sandbox.addUser('cleo', { manageGuild: true });
    }
  });

  it('ends the session of a member who removed the app, and asks them to sign in again', async () => {
    const ada = await signedIn('ada');
    expect((await ada.get(`${guild()}/admin`)).status).toBe(200);
    await h.revoke(await tokenOf(ada));
    h.clock.advance(MINUTE + 1000);
    const after = await ada.get(`${guild()}/admin`);
    expect(after.status).toBe(401);
    const page = await after.text();
    expect(page).toContain('sign in again');
    expect(page).not.toContain('Only for server managers');
    expect(ada.cookies.has('sw_session')).toBe(false);
  });

  it('says Discord is busy, never "only for managers", when Discord answers 429 or 5xx; nothing changes', async () => {
    const ada = await signedIn('ada');
    const csrf = await ada.csrf(`${guild()}/admin`);
    for (const status of [429, 502]) {
      h.faults.guilds = status;
      const posted = await ada.post(`${guild()}/admin/checkins`, { _csrf: csrf, enabled: 'on', day: 'tuesday' });
      expect(posted.status).toBe(503);
      const page = await posted.text();
      expect(page).toContain('Discord is busy');
      expect(page).not.toContain('Only for server managers');
    }
    expect((await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now())).checkinsEnabled).toBe(false);
    h.clock.advance(MINUTE + 1000);
    expect((await ada.get(`${guild()}/admin`)).status).toBe(503);
    h.faults.guilds = 401;
    const refused = await ada.post(`${guild()}/admin/checkins`, { _csrf: csrf, enabled: 'on', day: 'tuesday' });
    expect(await refused.text()).toContain('sign in again');
  });

  it('signs out with a stale form or an expired session: the cookie goes and the session ends', async () => {
    const stale = await signedIn('bob');
    const expected = (await sessionsOf('bob')).length;
    const out = await stale.post('/auth/logout', { _csrf: 'from-an-old-page' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/?signed-out');
    expect(stale.cookies.has('sw_session')).toBe(false);
    expect(await sessionsOf('bob')).toHaveLength(expected - 1);

    const expired = await signedIn('bob');
    const csrf = await expired.csrf(`${guild()}/settings`);
    h.clock.advance(8 * 24 * 60 * MINUTE);
    const later = await expired.post('/auth/logout', { _csrf: csrf });
    expect(later.status).toBe(303);
    expect(expired.cookies.has('sw_session')).toBe(false);
    expect(await sessionsOf('bob')).toHaveLength(expected - 1);

    // Another site still cannot sign anyone out.
    const alice = await signedIn('alice');
    expect((await alice.post('/auth/logout', {}, 'https://evil.example')).status).toBe(403);
    expect((await alice.get(`${guild()}/wins`)).status).toBe(200);
  });
});
