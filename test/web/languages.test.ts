import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWin } from '../support/wins.js';
import { startWebHarness, WebClient, type WebHarness } from './support.js';

const start = '2026-11-25T12:00:00Z';

describe('the web view in the member’s language', () => {
  let h: WebHarness;
  const guild = () => `/g/${h.sandbox.guildId}`;
  const signedIn = async (name: string) => {
    const client = new WebClient(h.webUrl);
    await client.signIn(h.sandbox.user(name).id);
    return client;
  };

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
