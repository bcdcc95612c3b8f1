import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWin } from '../../src/db/wins.js';
import { findMemberWin } from '../../src/db/web-wins.js';
import { startWebHarness, WebClient, type WebHarness } from './support.js';

const start = '2026-11-25T10:00:00Z';

describe('the web view, signed in through the sandbox', () => {
  let h: WebHarness;
  const id = (name: string) => h.sandbox.user(name).id;
  const signedIn = async (name: string) => {
    const client = new WebClient(h.webUrl);
    await client.signIn(id(name));
    return client;
  };

  beforeAll(async () => {
    h = await startWebHarness(start);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('signs a member in and lists the server they share with the bot', async () => {
    const alice = await signedIn('alice');
    const home = await alice.html('/');
    expect(home).toContain('Hello, Alice');
    expect(home).toContain(`href="/g/${h.sandbox.guildId}"`);
  });
});
