import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.js';

// SPEC §11: in the compose profile `workers`, every REST call goes through one @discordjs/proxy.
// The same bot, its REST pointed at the proxy, the proxy at the sandbox: replies, webhook follow-ups
// (which carry no bot token) and file uploads must all arrive as they do directly.
describe('the bot behind the REST rate-limit proxy', () => {
  let h: Harness;

  beforeAll(async () => {
    // Over the gateway every answer is a REST call, so each one crosses the proxy.
    h = await startHarness('2026-12-02T10:00:00Z', { restProxy: true, delivery: 'gateway' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers /win and celebrates in the channel through the proxy', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'watered the plants' } });
    expect(result.failed).toBeFalsy();
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('> watered the plants');
    expect(h.restProxied?.some((call) => /^POST \/api\/v10\/interactions\/\d+\/[^/]+\/callback/.test(call))).toBe(true);
  });

  it('sends the private follow-up through the webhook route, which has no bot token', async () => {
    await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'slept eight hours', private: true } });
    const result = await h.sandbox.chatInput('bob', { name: 'win', options: { text: 'called my sister' } });
    await h.sandbox.idle();
    expect(result.followUps.map((m) => [m.ephemeral, m.content])).toEqual([
      [true, "Counting your private wins too, that's your 2nd win this week. 🌱\n-# Only you can see this."],
    ]);
    expect(h.restProxied?.some((call) => /^POST \/api\/v10\/webhooks\//.test(call))).toBe(true);
  });

  it('uploads the /privacy export file after a deferred answer', async () => {
    const result = await h.sandbox.chatInput('alice', { name: 'privacy', subcommand: 'export' });
    expect(result.ephemeral).toBe(true);
    const [attachment] = result.message?.attachments ?? [];
    expect(attachment?.filename).toMatch(/^small-wins-.*\.json$/);
    const file = JSON.parse(attachment?.data.toString('utf8') ?? '{}') as { wins?: { text: string }[] };
    expect(file.wins?.map((w) => w.text)).toEqual(['watered the plants']);
  });
});
