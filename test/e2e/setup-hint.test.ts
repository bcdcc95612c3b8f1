import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';

describe('the setup hint (SPEC §3) goes only to admins of the server their command acts in', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(start);
    // Global as in production, so the commands reach the bot from a server that never added it.
    await deployCommands(commands, { apiUrl: h.sandbox.apiUrl, token: h.sandbox.token, applicationId: h.sandbox.applicationId });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('says nothing to a member who manages another server, without the bot, when their /win counts in a home they do not manage', async () => {
    const elsewhere = h.sandbox.addGuild('Elsewhere', { withBot: false });
    // bob owns that server (every permission there) but is an ordinary member of the one he shares with the bot.
    elsewhere.ownerId = h.sandbox.user('bob').id;
    const first = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'hello home' } });
    expect(first.failed).toBe(false);
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'from my own server' }, guild: elsewhere.id, channel: 'general' });
    expect(result.failed).toBe(false);
    await h.sandbox.idle();
    // The win counted at home; bob cannot run /config there, so no "set up the recap" hint.
    expect(result.followUps.map((m) => m.content ?? '').join('\n')).not.toMatch(/\/config recap/);
  });
});
