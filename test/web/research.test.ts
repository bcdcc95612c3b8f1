import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHarness, WebClient, type WebHarness } from './support.js';

// Monday 2 Nov 2026, 09:00 UTC.
const start = '2026-11-02T09:00:00Z';

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
});
