import { generateKeyPairSync, sign } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandledInteraction } from '../../src/discord/router.js';
import type { InteractionResult, StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Thursday 26 Nov 2026, 10:00 UTC.
const start = '2026-11-26T10:00:00Z';

/** A /win as Discord would POST it: well formed, so only the signature can stop it. */
function winPayload(h: Harness, id: string) {
  const alice = h.sandbox.user('alice');
  return JSON.stringify({
    id,
    application_id: h.sandbox.applicationId,
    type: 2,
    token: 'forged-token',
    version: 1,
    data: { id: '1', name: 'win', type: 1, options: [{ name: 'text', type: 3, value: 'a forged win' }] },
    guild_id: h.sandbox.guildId,
    channel_id: h.sandbox.channels.general,
    member: { user: { id: alice.id, username: 'alice' }, permissions: '0', roles: [] },
    locale: 'en-US',
    authorizing_integration_owners: { '0': h.sandbox.guildId },
    attachment_size_limit: 10_485_760,
  });
}

describe('POST /interactions (SPEC §11)', () => {
  let h: Harness;
  const handled: HandledInteraction[] = [];
  let url = '';
  const winCount = async () => {
    const rows = await h.database.db.execute(sql`select count(*)::int as n from wins`);
    return ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number }[])[0]?.n;
  };
  const nowSeconds = () => String(Math.floor(h.clock.now().getTime() / 1000));
  const post = (body: string, headers: Record<string, string>) => fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  beforeAll(async () => {
    h = await startHarness(start, { delivery: 'http', onInteraction: (event) => handled.push(event) });
    url = h.interactionsUrl ?? '';
  }, 30_000);
  afterAll(async () => {
    await h?.close();
  });

  it('answers the Developer Portal’s check: a PONG to a signed PING, 401 to a forged one', async () => {
    const check = await h.sandbox.checkEndpoint(url);
    expect(check).toEqual({ pong: { type: 1 }, forgedStatus: 401 });
  });

  describe('refuses with 401 and touches nothing', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const signWith = (key: typeof other, timestamp: string, body: string) => sign(null, Buffer.from(timestamp + body), key).toString('hex');

    it.each([
      ['no signature headers at all', () => ({})],
      ['a signature but no timestamp', (body: string) => ({ 'x-signature-ed25519': signWith(other, nowSeconds(), body) })],
      ['a signature made with another key', (body: string) => ({ 'x-signature-ed25519': signWith(other, nowSeconds(), body), 'x-signature-timestamp': nowSeconds() })],
      ['a signature that is not hex', () => ({ 'x-signature-ed25519': 'z'.repeat(128), 'x-signature-timestamp': nowSeconds() })],
    ])('%s', async (_, headersFor) => {
      const body = winPayload(h, '900000000000000001');
      const response = await post(body, headersFor(body));
      expect(response.status).toBe(401);
      expect(await winCount()).toBe(0);
      expect(handled).toEqual([]);
    });

    it('a stale timestamp, even correctly signed by the sandbox', async () => {
      const body = winPayload(h, '900000000000000002');
      const stale = String(Math.floor(h.clock.now().getTime() / 1000) - 301);
      const response = await post(body, h.sandbox.signedHeaders(body, stale));
      expect(response.status).toBe(401);
      expect(await winCount()).toBe(0);
      expect(handled).toEqual([]);
    });

    it('a body changed after it was signed', async () => {
      const body = winPayload(h, '900000000000000003');
      const response = await post(body.replace('a forged win', 'another win'), h.sandbox.signedHeaders(body, nowSeconds()));
      expect(response.status).toBe(401);
      expect(await winCount()).toBe(0);
      expect(handled).toEqual([]);
    });
  });

  describe('refuses what is not an interaction, and touches nothing', () => {
    it('another method: 405', async () => {
      const response = await fetch(url, { method: 'GET' });
      expect(response.status).toBe(405);
    });

    it('a body over 1 MB, said up front or sent in chunks: 413', async () => {
      const big = JSON.stringify({ padding: 'x'.repeat(1_000_001) });
      const said = await post(big, h.sandbox.signedHeaders(big, nowSeconds()));
      expect(said.status).toBe(413);
      // No content-length: the endpoint stops reading once the body passes the limit.
      const chunked = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 11; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
          controller.close();
        },
      });
      const streamed = await fetch(url, { method: 'POST', body: chunked, duplex: 'half', headers: { 'content-type': 'application/json' } } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(await winCount()).toBe(0);
      expect(handled).toEqual([]);
    });

    it('a signed body that is not JSON: 400', async () => {
      const body = '{"type": 2,';
      const response = await post(body, h.sandbox.signedHeaders(body, nowSeconds()));
      expect(response.status).toBe(400);
      expect(await winCount()).toBe(0);
      expect(handled).toEqual([]);
    });
  });

  describe('the main scenarios, delivered over HTTP', () => {
    const buttons = (m: StoredMessage | undefined) => (m?.components ?? []).flatMap((row) => (row.components as { custom_id: string; label: string }[]) ?? []);
    const click = (name: string, shown: InteractionResult, label: string) => {
      const button = buttons(h.sandbox.message(shown.message?.id ?? '')).find((b) => b.label === label);
      return h.sandbox.clickButton(name, { messageId: shown.message?.id ?? '', customId: button?.custom_id ?? '' });
    };

    it('/win: a public celebration in the HTTP response, and its channel kept to find it by when the win is deleted', async () => {
      const before = h.sandbox.httpDeliveries;
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'wrote 300 words' } });
      expect(h.sandbox.httpDeliveries).toBe(before + 1);
      expect(result.failed).toBe(false);
      expect(result.kind).toBe('reply');
      expect(result.ephemeral).toBe(false);
      expect(result.message?.embeds[0]?.description).toContain('wrote 300 words');
      // The row keeps the channel and no message id: nothing is learned after the answer (no GET of @original).
      await h.sandbox.idle();
      const rows = await h.database.db.execute(sql`select celebration_channel_id as channel, celebration_message_id as message from wins`);
      expect((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as unknown[]).toEqual([{ channel: h.sandbox.channel('general').id, message: null }]);
      expect(h.sandbox.violations).toEqual([]);
    });

    it('/goal add, then autocomplete over the goals', async () => {
      const added = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Read', target: 3, period: 'week' } });
      expect(added.failed).toBe(false);
      expect(added.ephemeral).toBe(true);
      const choices = await h.sandbox.autocomplete('alice', { name: 'win', options: { text: 'x', goal: 're' }, focused: 'goal' });
      expect(choices.map((c) => c.name)).toEqual([expect.stringContaining('Read')]);
    });

    it('/progress: its calendar file goes as a defer in the response, then an edit with the file', async () => {
      const result = await h.sandbox.chatInput('alice', { name: 'progress' });
      expect(result.failed).toBe(false);
      expect(result.ephemeral).toBe(true);
      expect(result.message?.attachments.map((a) => a.filename)).toEqual(['win-calendar.png']);
      expect(h.sandbox.violations).toEqual([]);
    });

    it('/wins and its buttons: delete a win in place', async () => {
      const shown = await h.sandbox.chatInput('alice', { name: 'wins' });
      expect(shown.failed).toBe(false);
      const asked = await click('alice', shown, buttons(h.sandbox.message(shown.message?.id ?? '')).find((b) => b.label.startsWith('🗑'))?.label ?? '');
      expect(asked.kind).toBe('update');
      expect(asked.message?.content).toMatch(/^Delete this win for good\?/);
      const done = await click('alice', shown, 'Delete for good');
      expect(done.failed).toBe(false);
      expect(done.message?.content).toMatch(/Its celebration in the channel is gone too\.$/);
      expect(await winCount()).toBe(0);
      expect(h.sandbox.messages('general').filter((m) => m.embeds[0]?.description?.includes('wrote 300 words'))).toEqual([]);
      expect(h.sandbox.violations).toEqual([]);
    });
  });
});
