import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, WebClient, type WebHarness } from './support.js';

// Monday 30 Nov 2026, 09:00 UTC.
const start = '2026-11-30T09:00:00Z';

describe('the web view shows what SPEC §13 adds', () => {
  let h: WebHarness;
  const id = (name: string) => h.sandbox.user(name).id;
  const guild = () => `/g/${h.sandbox.guildId}`;
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
});
