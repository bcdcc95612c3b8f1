import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';
const restSecret = 'my private win about the hospital visit';
const dbSecret = 'forbidden words about my private diary';

// SPEC §7: logs never hold tokens or members' words, even at trace level and even when things fail.
describe('logs under failure', () => {
  let h: Harness;
  const lines: string[] = [];

  beforeAll(async () => {
    // The sandbox's default bot token, given to the logger as the real one is in run-live.
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) }, { secrets: ['sandbox-token'] });
    // Over the gateway: the REST callback it fails exists only there (over HTTP the answer is the response).
    h = await startHarness(start, { logger, delivery: 'gateway' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('log a Discord API error without the interaction token, the bot token or the request body', async () => {
    h.sandbox.failNext({ method: 'POST', path: /\/interactions\/\d+\/[^/]+\/callback/, status: 404, times: 2 });
    // Both answers fail, so the sandbox would wait out Discord's 3 s for one; the bot is done with the interaction
    // once it logs its summary line (the last thing it logs for one that failed), and its logs are what is checked.
    void h.sandbox.chatInput('alice', { name: 'win', options: { text: restSecret, private: true } });
    const parsed = () => lines.map((line) => JSON.parse(line) as { msg?: string; outcome?: string; err?: { type?: string; status?: number } });
    await vi.waitFor(() => expect(parsed().some((l) => l.msg === 'interaction' && l.outcome === 'error')).toBe(true), { timeout: 10_000, interval: 10 });
    const failure = parsed().find((l) => l.msg === 'interaction failed');
    expect(failure?.err?.type).toBe('DiscordAPIError');
    expect(failure?.err?.status).toBe(404);
  });

  it('log a database error without its query parameters or the row it refused', async () => {
    await h.database.db.execute(sql.raw(`alter table wins add constraint no_forbidden_words check (text not like '%forbidden%')`));
    const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: dbSecret, private: true } });
    expect(result.message?.content).toMatch(/Sorry — something went wrong/);
    const logged = lines.join('');
    expect(logged).toMatch(/no_forbidden_words/);
  });

  it('hold no token and no member text anywhere', () => {
    const logged = lines.join('');
    expect(logged).not.toContain('sandbox-token');
    for (const [, token] of logged.matchAll(/\/interactions\/\d+\/([^/?"\\]+)/g)) expect(token).toBe('[redacted]');
    for (const [, token] of logged.matchAll(/\/webhooks\/\d+\/([^/?"\\]+)/g)) expect(token).toBe('[redacted]');
    for (const words of [restSecret, dbSecret, 'hospital', 'diary']) expect(logged.toLowerCase()).not.toContain(words);
  });
});
