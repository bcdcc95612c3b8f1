import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restDirectory } from '../../src/discord/web-directory.js';
import { signedInAs, startWebHarness, type WebHarness } from './support.js';

// A GATEWAY=off worker (and a gateway process behind an interactions endpoint) never sees the members'
// names go by: the recap preview asks Discord for the ones it shows.
describe('names in the recap preview of a worker', () => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await startWebHarness('2026-11-25T10:00:00Z', { directory: 'rest' });
    h.sandbox.addUser('cleo', { manageGuild: true });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows a member by their name as Discord says it, not "a member"', async () => {
    h.sandbox.addUser('hugo');
    await h.sandbox.chatInput('hugo', { name: 'win', options: { text: 'fixed the bike' } });
    const page = await (await signedInAs(h, 'cleo')).html(`/g/${h.sandbox.guildId}/admin`);
    expect(page).toContain('Hugo: <span class="win-text">fixed the bike</span>');
    expect(page).not.toContain('a member:');
  });

  it('knows no name for one who is not in the server, and says so without failing', async () => {
    const directory = restDirectory(h.bot.rest, h.bot.applicationId);
    expect(await directory.memberName(h.sandbox.guildId, '123456789012345678')).toBeUndefined();
    expect(await directory.memberName(h.sandbox.guildId, h.sandbox.user('hugo').id)).toBe('Hugo');
  });
});
