import { createServer, type Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botDirectory } from '../../src/discord/web-directory.js';
import { SANDBOX_CLIENT_SECRET } from '../../src/sandbox/oauth.js';
import { SANDBOX_WEB_PORT, startSandboxWebView } from '../../src/web/start.js';
import { startHarness, type Harness } from '../support/harness.js';

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

// Without HTTP_PORT the sandbox's web view keeps one address across restarts, so a bookmark keeps working.
describe('the sandbox web view’s port', () => {
  let h: Harness;
  const start = (port?: number) =>
    startSandboxWebView({
      db: h.database.db,
      clock: h.clock,
      logger: pino({ level: 'silent' }),
      discordApiUrl: h.sandbox.apiUrl,
      clientSecret: SANDBOX_CLIENT_SECRET,
      bot: botDirectory(h.bot),
      clientId: h.bot.applicationId,
      ...(port === undefined ? {} : { port }),
    });

  beforeAll(async () => {
    h = await startHarness('2026-11-25T12:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`is on 127.0.0.1:${SANDBOX_WEB_PORT} each start, unless another process holds it`, async () => {
    const first = await start();
    await close(first.server);
    const second = await start();
    await close(second.server);
    if (!first.fellBack) expect(first.url).toBe(`http://127.0.0.1:${SANDBOX_WEB_PORT}`);
    if (!first.fellBack && !second.fellBack) expect(second.url).toBe(first.url);
  });

  it('moves to a free port and says so when its port is taken, and still serves the web view there', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as { port: number }).port;
    try {
      const web = await start(taken);
      try {
        expect(web.fellBack).toBe(true);
        expect(web.url).not.toBe(`http://127.0.0.1:${taken}`);
        const page = await fetch(`${web.url}/`, { redirect: 'manual' });
        expect(page.status).toBeLessThan(500);
      } finally {
        await close(web.server);
      }
    } finally {
      await close(holder);
    }
  });
});
