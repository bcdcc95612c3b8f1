import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { code, rich } from '../../src/web/say.js';
import { recordWin } from '../support/wins.js';
import { signedInAs, startWebHarness, WebClient, type WebHarness } from './support.js';

const start = '2026-11-25T12:00:00Z';

describe('the web view in the member’s language', () => {
  let h: WebHarness;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = (name: string) => signedInAs(h, name);

  beforeAll(async () => {
    h = await startWebHarness(start);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('speaks the Discord language of the member’s last interaction, else the browser’s', async () => {
    h.sandbox.setLocale('alice', 'de');
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'einen Brief geschrieben' } });
    await h.sandbox.idle();
    const alice = await signedIn('alice');
    expect(await alice.html(guild())).toContain('1 Erfolg diese Woche');

    await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'wrote a letter' } });
    await h.sandbox.idle();
    const bob = await signedIn('bob');
    // bob's Discord speaks English (en-US), and that is remembered: the browser does not override it.
    const page = await (await bob.request(guild(), { headers: { 'accept-language': 'fr-FR,fr;q=0.9' } })).text();
    expect(page).toContain('1 win this week');
  });

  it('falls back to the browser’s Accept-Language for a member the bot has not heard from', async () => {
    const now = new Date(start);
    await recordWin(h.database.db, { guildId: h.sandbox.guildId, userId: h.sandbox.user('ada').id, text: 'a win from elsewhere', isPrivate: true, occurredAt: now }, now);
    const ada = await signedIn('ada');
    const page = await (await ada.request(guild(), { headers: { 'accept-language': 'ja,en;q=0.5' } })).text();
    expect(page).toContain('今週1件。ここでの最初の週なので');
  });
});

// Wording that is not the page's own: names, brands, commands, timezones, and what members wrote.
const NOT_WORDING = [/Small Wins/g, /Discord/g, /JSON/g, /HH:MM/g, /\/[a-z]+/g, /\b[A-Z][A-Za-z_]+\/[A-Za-z_/+-]+\b/g, /\bUTC\b/g, /@ ?[a-z]+/g];

/**
 * The words of a page a reader sees or hears (text, title, aria-labels), leaving out what is not the
 * page's wording: code, the timezone lists and the recap preview (it speaks the server's language by
 * design). The win calendar's labels count: the page draws it in the reader's language.
 */
function pageWords(page: string, allowed: readonly string[]): string {
  const labels = [...page.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]).join(' ');
  let text = `${page} ${labels}`
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<select id="(?:timezone|server-tz)"[\s\S]*?<\/select>/g, ' ')
    .replace(/<article class="embed">[\s\S]*?<\/article>/g, ' ')
    .replace(/<!doctype html>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  for (const words of allowed) text = text.split(words).join(' ');
  for (const pattern of NOT_WORDING) text = text.replace(pattern, ' ');
  return text;
}

/** Any word in Latin letters: a Japanese page has none of its own. */
const latinWords = (page: string, allowed: readonly string[]): string[] => pageWords(page, allowed).match(/[A-Za-z]{2,}/g) ?? [];

// Common English words that are not also German ones ("in", "so", "was", "Server", "Link", "private" are both).
const ENGLISH = new Set(
  'the your you and with this that here please there have has are of to for from only each yet sorry wins win settings save delete overview sign out page week weeks goals goal nothing everything back copy more data download keep cancel edit show find who can see what when not found public previous next newer older hello welcome'.split(' '),
);
const englishWords = (page: string, allowed: readonly string[]): string[] => (pageWords(page, allowed).match(/[A-Za-z]+/g) ?? []).filter((word) => ENGLISH.has(word.toLowerCase()));

describe('every web page in the member’s language, with no English left', () => {
  let h: WebHarness;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const names = () => [h.sandbox.guildName, 'Sandbox Server', 'Alice', 'Ada', 'alice', 'ada', '#general', '#wins'];

  beforeAll(async () => {
    h = await startWebHarness(start);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** Every page a member can reach, as `[name, response]`, signed in as `name` with the browser saying `acceptLanguage`. */
  async function visitAll(client: WebClient, acceptLanguage: string, admin: boolean): Promise<[string, number, string][]> {
    const headers = { 'accept-language': acceptLanguage };
    const get = async (url: string): Promise<[string, number, string]> => {
      const response = await client.request(url, { headers });
      return [url, response.status, await response.text()];
    };
    const wins = await get(`${guild()}/wins`);
    const winId = /\/wins\/(\d+)\/edit/.exec(wins[2])?.[1];
    expect(winId).toBeDefined();
    const csrf = await client.csrf(`${guild()}/settings`);
    const expired = await client.request(`${guild()}/settings`, { method: 'POST', body: new URLSearchParams({ _csrf: 'stale', timezone: 'server' }), headers: { ...headers, origin: new URL(h.webUrl).origin, 'content-type': 'application/x-www-form-urlencoded' } });
    const badTimezone = await client.request(`${guild()}/settings`, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, timezone: 'Mars/Olympus' }), headers: { ...headers, origin: new URL(h.webUrl).origin, 'content-type': 'application/x-www-form-urlencoded' } });
    const pages = [
      await get('/'),
      await get(guild()),
      wins,
      await get(`${guild()}/wins?q=nothing-like-this`),
      await get(`${guild()}/wins/${winId}/edit`),
      await get(`${guild()}/wins/${winId}/delete`),
      await get(`${guild()}/wins/999999/edit`),
      await get(`${guild()}/wins?done=deleted`),
      await get(`${guild()}/settings`),
      await get(`${guild()}/settings?done=settings`),
      ['settings with a wrong timezone', badTimezone.status, await badTimezone.text()] as [string, number, string],
      ['an expired form', expired.status, await expired.text()] as [string, number, string],
      await get(`${guild()}/data`),
      await get(`${guild()}/data/delete`),
      await get(`${guild()}/admin`),
      await get('/no-such-page'),
      await get('/g/123456789/wins'),
    ];
    if (admin) {
      const adminCsrf = await client.csrf(`${guild()}/admin`);
      const post = (path: string, form: Record<string, string>) =>
        client.request(`${guild()}${path}`, { method: 'POST', body: new URLSearchParams({ _csrf: adminCsrf, ...form }), headers: { ...headers, origin: new URL(h.webUrl).origin, 'content-type': 'application/x-www-form-urlencoded' } });
      const badTime = await post('/admin/recap', { channel: h.sandbox.channel('wins').id, day: 'friday', time: '25:99', timezone: 'Europe/Berlin' });
      pages.push(['admin with a wrong time', badTime.status, await badTime.text()]);
      await post('/admin/recap', { channel: h.sandbox.channel('wins').id, day: 'friday', time: '18:30', timezone: 'Europe/Berlin' });
      pages.push(await get(`${guild()}/admin?done=recap`));
    }
    return pages;
  }

  /** Signed out: the sign-in page, a sign-in that did not finish, and "nothing here", in the browser's language. */
  async function visitSignedOut(acceptLanguage: string): Promise<[string, number, string][]> {
    const visitor = new WebClient(h.webUrl);
    const get = async (url: string): Promise<[string, number, string]> => {
      const response = await visitor.request(url, { headers: { 'accept-language': acceptLanguage } });
      return [url, response.status, await response.text()];
    };
    return [await get('/'), await get('/?signed-out'), await get('/auth/callback?error=access_denied'), await get('/no-such-page')];
  }

  it('shows a member whose Discord speaks Japanese every page in Japanese, <html lang="ja"> and all', async () => {
    h.sandbox.setLocale('alice', 'ja');
    h.sandbox.setLocale('ada', 'ja');
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: '読書', target: 2, period: 'week' } });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: '本を10ページ読んだ' } });
    await h.sandbox.chatInput('ada', { name: 'win', options: { text: '散歩した' } });
    await h.sandbox.idle();
    const alice = new WebClient(h.webUrl);
    await alice.signIn(h.sandbox.user('alice').id);
    const ada = new WebClient(h.webUrl);
    await ada.signIn(h.sandbox.user('ada').id);

    // The browser asks for English: the member's own Discord language wins.
    const pages = [...(await visitAll(alice, 'en-US,en;q=0.9', false)), ...(await visitAll(ada, 'en-US,en;q=0.9', true)), ...(await visitSignedOut('ja,en;q=0.5'))];
    const statuses = new Set(pages.map(([, status]) => status));
    expect([...statuses].sort()).toEqual([200, 400, 403, 404]);
    for (const [url, , page] of pages) {
      expect(page, url).toContain('<html lang="ja">');
      expect(latinWords(page, names()), url).toEqual([]);
    }
    const overview = pages.find(([url]) => url === guild())?.[2] ?? '';
    expect(overview).toContain('読書');
    expect(overview).toContain('今週は 2 回中 0 回');
  });

  it('shows a member the bot has not heard from every page in their browser’s German', async () => {
    const now = new Date(start);
    // A new member who manages the server and has never used a command: no remembered language.
    const dora = h.sandbox.addUser('dora', { manageGuild: true });
    await h.sandbox.idle();
    await recordWin(h.database.db, { guildId: h.sandbox.guildId, userId: dora.id, text: 'einen Brief geschrieben', isPrivate: false, occurredAt: now }, now);
    const client = new WebClient(h.webUrl);
    await client.signIn(dora.id);
    const pages = [...(await visitAll(client, 'de-DE,de;q=0.9,en;q=0.5', true)), ...(await visitSignedOut('de-DE,de;q=0.9'))];
    for (const [url, , page] of pages) {
      expect(page, url).toContain('<html lang="de">');
      expect(englishWords(page, [...names(), 'Dora', 'dora', 'einen Brief geschrieben']), url).toEqual([]);
    }
    const wins = pages.find(([url]) => url === `${guild()}/wins`)?.[2] ?? '';
    expect(wins).toContain('1 Erfolg, neueste zuerst.');
  });
});

describe('translated web words and the member’s own text', () => {
  it('escapes a member’s text inside a translated sentence, and keeps only the page’s own markup', () => {
    const ja = translator('ja');
    const page = String(rich(ja, 'web.overview.heading', { server: '<b>Tom & Jerry</b>\uE0000\uE001' }, { command: code('/win') }));
    expect(page).toBe('&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;0 でのあなたの記録');
    const sentence = String(rich(ja, 'web.overview.noGoals', {}, { command: code('/goal add') }));
    expect(sentence).toContain('<code>/goal add</code> で作れます');
  });
});
