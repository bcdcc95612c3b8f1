import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { guildSettings } from '../../src/db/guild-settings.js';
import { guilds } from '../../src/db/schema.js';
import { memberSettings } from '../../src/db/members.js';
import { findMemberWin } from '../../src/db/web-wins.js';
import { WIN_TEXT_MAX } from '../../src/domain/win-input.js';
import { listMemberWins, recordWin } from '../support/wins.js';
import { signedInAs, startWebHarness, WebClient, type WebHarness } from './support.js';

// Wednesday 25 Nov 2026.
const start = '2026-11-25T10:00:00Z';
const OTHER_GUILD = '999999999999999999';

describe('the web view, signed in through the sandbox', () => {
  let h: WebHarness;
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = (name: string) => signedInAs(h, name);
  const win = async (name: string, text: string, options: Record<string, string | boolean> = {}) => {
    await h.sandbox.chatInput(name, { name: 'win', options: { text, ...options } });
    const wins = await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: id(name) });
    const found = wins.find((w) => w.text === text);
    if (!found) throw new Error('win not recorded');
    return found;
  };

  beforeAll(async () => {
    h = await startWebHarness(start);
    h.sandbox.addUser('cleo', { manageGuild: true });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('signs a member in and lists the server they share with the bot', async () => {
    const alice = await signedIn('alice');
    const home = await alice.html('/');
    expect(home).toContain('Hello, Alice');
    expect(home).toContain(`href="${guild()}"`);
  });

  it('refuses a sign-in whose state was swapped, or that arrives in another browser', async () => {
    const victim = new WebClient(h.webUrl);
    const login = new URL((await victim.get('/auth/login')).headers.get('location') ?? '');
    expect(login.searchParams.get('code_challenge_method')).toBe('S256');
    const picked = await fetch(new URL('/oauth2/authorize', login), {
      method: 'POST',
      body: new URLSearchParams([...login.searchParams, ['user_id', id('alice')]]),
      redirect: 'manual',
    });
    const callback = new URL(picked.headers.get('location') ?? '');
    const swapped = new URL(callback);
    swapped.searchParams.set('state', 'forged-state');
    expect((await victim.get(swapped.toString())).status).toBe(400);
    expect(victim.cookies.has('sw_session')).toBe(false);
    const elsewhere = new WebClient(h.webUrl);
    expect((await elsewhere.get(callback.toString())).status).toBe(400);
    expect(elsewhere.cookies.has('sw_session')).toBe(false);
  });

  it('shows a win logged with /win, newest first, private ones marked, and finds them by words and visibility', async () => {
    await win('alice', 'wrote 300 words');
    h.clock.advance(60_000);
    await win('alice', 'called the dentist <b>finally</b>', { private: true });
    const alice = await signedIn('alice');
    const list = await alice.html(`${guild()}/wins`);
    expect(list.indexOf('called the dentist')).toBeLessThan(list.indexOf('wrote 300 words'));
    expect(list).toContain('&lt;b&gt;finally&lt;/b&gt;');
    expect(list).toContain('tag private');
    const search = await alice.html(`${guild()}/wins?q=DENTIST`);
    expect(search).toContain('called the dentist');
    expect(search).not.toContain('wrote 300 words');
    const publicOnly = await alice.html(`${guild()}/wins?show=public`);
    expect(publicOnly).toContain('wrote 300 words');
    expect(publicOnly).not.toContain('called the dentist');
    expect(await alice.html(`${guild()}/wins?q=%25`)).toContain('No wins match');
  });

  it('draws what members wrote as words, not Discord markup (issue 16 item 23)', async () => {
    h.sandbox.addUser('fern');
    await win('fern', '> wrote at midnight for <@&1> and <#2> **really**');
    await h.sandbox.chatInput('fern', { name: 'goal', subcommand: 'add', options: { title: '**Read** <@&1>', target: 1, period: 'week' } });
    const fern = await signedIn('fern');
    const list = await fern.html(`${guild()}/wins`);
    expect(list).toContain('wrote at midnight for @role and #channel really');
    for (const markup of ['&gt; wrote', '&lt;@&amp;1&gt;', '&lt;#2&gt;', '**']) expect(list).not.toContain(markup);
    const overview = await fern.html(guild());
    expect(overview).toContain('<h3 class="goal-title">Read @role</h3>');
  });

  it('wraps a long unbroken goal title and keeps the calendar readable on a phone (issue 16 items 24, 25)', async () => {
    h.sandbox.addUser('gail');
    await win('gail', 'a'.repeat(300));
    await h.sandbox.chatInput('gail', { name: 'goal', subcommand: 'add', options: { title: 'b'.repeat(100), target: 1, period: 'week' } });
    const overview = await (await signedIn('gail')).html(guild());
    expect(overview).toContain(`<h3 class="goal-title">${'b'.repeat(100)}</h3>`);
    expect(overview).toMatch(/\.goal-title[^{]*\{overflow-wrap:anywhere\}/);
    // The calendar keeps at least its drawn width (the container scrolls), instead of shrinking to a phone's.
    const drawn = /<svg[^>]* width="(\d+)"/.exec(overview)?.[1];
    expect(overview).toContain(`.calendar svg{display:block;width:100%;max-width:640px;min-width:${drawn}px;height:auto}`);
    expect(overview).toMatch(/\.calendar\{overflow-x:auto/);
    // The style sheet is the page's own code, not text: a child selector and a quoted font name stay as written.
    expect(overview).toContain('.card>h2:first-child');
    expect(overview).toContain('"Segoe UI"');
  });

  it('edits the text of a win, and refuses an empty one without changing it', async () => {
    const logged = await win('alice', 'read a chapter');
    const alice = await signedIn('alice');
    const csrf = await alice.csrf(`${guild()}/wins/${logged.id}/edit`);
    const empty = await alice.post(`${guild()}/wins/${logged.id}/edit`, { _csrf: csrf, text: '   ' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Your win needs a few words');
    const saved = await alice.post(`${guild()}/wins/${logged.id}/edit`, { _csrf: csrf, text: 'read two chapters' });
    expect(saved.status).toBe(303);
    expect((await findMemberWin(h.database.db, { guildId: h.sandbox.guildId, userId: id('alice') }, logged.id))?.text).toBe('read two chapters');
  });

  it("says another member's win address is not found, never that the win was already gone", async () => {
    const hers = await win('alice', 'baked bread');
    const bob = await signedIn('bob');
    for (const path of [`/wins/${hers.id}/edit`, `/wins/${hers.id}/delete`]) {
      const page = await bob.get(`${guild()}${path}`);
      expect(page.status).toBe(404);
      const text = await page.text();
      expect(text).toMatch(/not found/i);
      expect(text).not.toMatch(/already gone/i);
      expect(text).not.toContain('baked bread');
    }
  });

  it('lets the edit box hold as many characters as it says, which is what a win may have', async () => {
    const logged = await win('alice', 'tidied the desk');
    const page = await (await signedIn('alice')).html(`${guild()}/wins/${logged.id}/edit`);
    expect(page).toContain(`maxlength="${WIN_TEXT_MAX}"`);
    expect(page).toContain(`Up to ${WIN_TEXT_MAX} characters`);
  });

  it("deletes a win after a confirm page, and never touches another member's win by a forged id", async () => {
    const mine = await win('bob', 'fixed the bike');
    const hers = await win('alice', 'went for a run');
    const bob = await signedIn('bob');
    expect(await bob.html(`${guild()}/wins/${mine.id}/delete`)).toContain('Yes, delete it');
    const csrf = await bob.csrf(`${guild()}/wins/${mine.id}/delete`);
    for (const path of [`/wins/${hers.id}/delete`, `/wins/${hers.id}/edit`]) {
      const forged = await bob.post(`${guild()}${path}`, { _csrf: csrf, text: 'hijacked' });
      expect(forged.headers.get('location')).toContain('done=not-found');
    }
    const told = await bob.html(`${guild()}/wins?done=not-found`);
    expect(told).toContain('Not found');
    expect(told).not.toContain('already gone');
    expect(await bob.html(`${guild()}/wins/${hers.id}/edit`)).not.toContain('went for a run');
    expect((await findMemberWin(h.database.db, { guildId: h.sandbox.guildId, userId: id('alice') }, hers.id))?.text).toBe('went for a run');
    const deleted = await bob.post(`${guild()}/wins/${mine.id}/delete`, { _csrf: csrf });
    expect(deleted.headers.get('location')).toContain('done=deleted');
    expect(await findMemberWin(h.database.db, { guildId: h.sandbox.guildId, userId: id('bob') }, mine.id)).toBeUndefined();
    expect(await bob.html(`${guild()}/wins`)).not.toContain('went for a run');
  });

  it('removes the public celebration with the win, as /wins does in Discord', async () => {
    const logged = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'planted the tulips' } });
    const celebration = logged.message?.id ?? '';
    expect(h.sandbox.message(celebration)).toBeDefined();
    const [stored] = (await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: id('bob') })).filter((w) => w.text === 'planted the tulips');
    const bob = await signedIn('bob');
    const csrf = await bob.csrf(`${guild()}/wins/${stored?.id}/delete`);
    const deleted = await bob.post(`${guild()}/wins/${stored?.id}/delete`, { _csrf: csrf });
    expect(deleted.headers.get('location')).toContain('done=deleted-celebration');
    expect(h.sandbox.message(celebration)).toBeUndefined();
  });

  it("shows nothing of another server, even one where the member has wins and whose id is typed in", async () => {
    await recordWin(h.database.db, { guildId: OTHER_GUILD, userId: id('alice'), text: 'secret from server B', isPrivate: false, occurredAt: h.clock.now() }, h.clock.now());
    const alice = await signedIn('alice');
    const other = await alice.get(`/g/${OTHER_GUILD}/wins`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('secret from server B');
    expect((await alice.get(`/g/${OTHER_GUILD}/data/export`)).status).toBe(404);
    expect(await alice.html(`${guild()}/wins?q=secret`)).toContain('No wins match');
  });

  it('refuses cross-site form posts, posts without the CSRF token, and posts with another session’s token', async () => {
    const alice = await signedIn('alice');
    const bob = await signedIn('bob');
    const aliceToken = await alice.csrf(`${guild()}/settings`);
    const bobToken = await bob.csrf(`${guild()}/settings`);
    const attempts = [
      alice.post(`${guild()}/settings`, { _csrf: aliceToken, timezone: 'Asia/Tokyo', dms: 'on' }, 'https://evil.example'),
      alice.post(`${guild()}/settings`, { timezone: 'Asia/Tokyo', dms: 'on' }),
      alice.post(`${guild()}/settings`, { _csrf: bobToken, timezone: 'Asia/Tokyo', dms: 'on' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await memberSettings(h.database.db, { guildId: h.sandbox.guildId, userId: id('alice') })).toMatchObject({ ownTimezone: null, dms: false });
    const ok = await alice.post(`${guild()}/settings`, { _csrf: aliceToken, timezone: 'Asia/Calcutta', dms: 'on' });
    expect(ok.status).toBe(303);
    expect(await memberSettings(h.database.db, { guildId: h.sandbox.guildId, userId: id('alice') })).toMatchObject({ ownTimezone: 'Asia/Kolkata', dms: true });
  });

  it('treats a tampered cookie as signed out, and a signed-out cookie as dead even when copied', async () => {
    const alice = await signedIn('alice');
    const copied = new Map(alice.cookies);
    const forged = new WebClient(h.webUrl);
    const [name, value] = [...alice.cookies].find(([k]) => k === 'sw_session') ?? ['', ''];
    forged.cookies.set(name, value.replace(/^[^.]+/, '00000000-0000-4000-8000-000000000000'));
    expect((await forged.get(`${guild()}/wins`)).status).toBe(302);

    const csrf = await alice.csrf(`${guild()}/settings`);
    expect((await alice.post('/auth/logout', { _csrf: csrf })).headers.get('location')).toBe('/?signed-out');
    expect(alice.cookies.has('sw_session')).toBe(false);
    const replay = new WebClient(h.webUrl);
    for (const [k, v] of copied) replay.cookies.set(k, v);
    const after = await replay.get(`${guild()}/wins`);
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toBe('/auth/login');
  });

  it('keeps the admin page and its forms from a member without Manage Server', async () => {
    const bob = await signedIn('bob');
    expect(await bob.html(`${guild()}`)).not.toContain('Server settings');
    expect((await bob.get(`${guild()}/admin`)).status).toBe(403);
    const csrf = await bob.csrf(`${guild()}/settings`);
    const posted = await bob.post(`${guild()}/admin/recap`, { _csrf: csrf, channel: h.sandbox.channel('wins').id, day: 'friday', time: '18:00', timezone: 'UTC' });
    expect(posted.status).toBe(403);
    expect((await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now())).recapChannelId).toBeNull();
  });

  it('lets an admin change the recap with /config’s rules, and /config show agrees', async () => {
    const ada = await signedIn('ada');
    const page = await ada.html(`${guild()}/admin`);
    expect(page).toContain('Not set up yet');
    const csrf = await ada.csrf(`${guild()}/admin`);
    const form = { _csrf: csrf, channel: h.sandbox.channel('wins').id, day: 'friday', time: '18:30', timezone: 'Europe/Kiev' };
    const bad = await ada.post(`${guild()}/admin/recap`, { ...form, time: '25:00' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('as a time');
    expect((await ada.post(`${guild()}/admin/recap`, { ...form, channel: '123' })).status).toBe(400);
    expect((await ada.post(`${guild()}/admin/recap`, form)).status).toBe(303);
    const saved = await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now());
    expect(saved).toMatchObject({ recapDay: 5, recapTime: '18:30', timezone: 'Europe/Kyiv', recapChannelId: h.sandbox.channel('wins').id });
    const shown = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show', options: {} });
    expect(JSON.stringify(shown.message?.embeds)).toContain('every Friday at 18:30 (Europe/Kyiv)');
    expect(await ada.html(`${guild()}/admin`)).toContain('every Friday at 18:30 (Europe/Kyiv)');
  });

  it('draws the recap preview and a delivery problem from content: names, never mentions or Discord markup', async () => {
    // A member with no other win this week: highlights pick one win per member at random.
    h.sandbox.addUser('hugo');
    await win('hugo', 'fixed the **bike** <@&1>');
    await h.database.db.update(guilds).set({ recapProblem: 'missing-permission', recapChannelId: h.sandbox.channel('wins').id }).where(eq(guilds.id, h.sandbox.guildId));
    const page = await signedIn('ada').then((ada) => ada.html(`${guild()}/admin`));
    expect(page).toMatch(/Together<\/strong>: \d+ members? logged/);
    // Members' words as words: no Discord markup, as on the member's own pages.
    expect(page).toContain('Hugo: <span class="win-text">fixed the bike @role</span>');
    expect(page).toMatch(/I couldn(?:'|&#39;)t post in #wins: I(?:'|&#39;)m missing permission to send messages there\./);
    expect(page).not.toMatch(/&lt;@!?\d|&lt;#\d|<@!?\d|<#\d|-# |Small Wins recap ·/);
    await h.database.db.update(guilds).set({ recapProblem: null }).where(eq(guilds.id, h.sandbox.guildId));
  });

  it('asks Discord again before an admin change: a manager who lost the permission is refused', async () => {
    const cleo = await signedIn('cleo');
    const csrf = await cleo.csrf(`${guild()}/admin`);
    h.sandbox.addUser('cleo', { manageGuild: false });
    const posted = await cleo.post(`${guild()}/admin/checkins`, { _csrf: csrf, enabled: 'on', day: 'tuesday' });
    expect(posted.status).toBe(403);
    expect((await guildSettings(h.database.db, h.sandbox.guildId, h.clock.now())).checkinsEnabled).toBe(false);
  });

  it('exports only the member’s own data here, and deletes it all after a confirm page', async () => {
    await win('bob', 'planted tomatoes');
    const bob = await signedIn('bob');
    const exported = await bob.get(`${guild()}/data/export`);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const data = (await exported.json()) as { userId: string; wins: { text: string; userId: string }[] };
    expect(data.userId).toBe(id('bob'));
    expect(data.wins.map((w) => w.text)).toContain('planted tomatoes');
    expect(data.wins.every((w) => w.userId === id('bob'))).toBe(true);
    expect(await bob.html(`${guild()}/data/delete`)).toMatch(/It can(?:'|&#39;)t be undone/);
    const csrf = await bob.csrf(`${guild()}/data/delete`);
    expect(await (await bob.post(`${guild()}/data/delete`, { _csrf: csrf })).text()).toContain('Everything I stored about you here is gone');
    expect(await listMemberWins(h.database.db, { guildId: h.sandbox.guildId, userId: id('bob') })).toEqual([]);
  });
});
