import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { botDirectory } from '../../src/discord/web-directory.js';
import { SANDBOX_CLIENT_SECRET } from '../../src/sandbox/index.js';
import { createWebHandler } from '../../src/web/app.js';
import { ManageCache } from '../../src/web/guard.js';
import { memoryWebLimits, type WebLimits } from '../../src/web/rate-limits.js';
import { startHarness, type Harness } from '../support/harness.js';

/** What the stand-in for Discord does to `users/@me/guilds` for now: pass it on, or answer with a status. */
export interface DiscordFaults {
  guilds: 'pass' | number;
}

export interface AbuseHarness extends Harness {
  webUrl: string;
  limits: WebLimits;
  faults: DiscordFaults;
  /** Revokes a member's Discord token at the sandbox, as removing the app does. */
  revoke(accessToken: string): Promise<void>;
}

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/** The real bot, the sandbox, and the web view reaching the sandbox's OAuth2 through a proxy that can refuse. */
export async function startAbuseHarness(start: string, limits: WebLimits = memoryWebLimits()): Promise<AbuseHarness> {
  const h = await startHarness(start);
  const sandboxBase = new URL(h.sandbox.apiUrl);
  const faults: DiscordFaults = { guilds: 'pass' };
  const proxy = createServer((req, res) => {
    if (faults.guilds !== 'pass' && /\/users\/@me\/guilds$/.test(req.url ?? '')) {
      res.writeHead(faults.guilds, { 'content-type': 'application/json', 'retry-after': '5' }).end('{"message":"refused by the test"}');
      return;
    }
    const upstream = httpRequest({ host: sandboxBase.hostname, port: sandboxBase.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  const proxyUrl = await listen(proxy);
  const web = createServer();
  const webUrl = await listen(web);
  web.on(
    'request',
    createWebHandler({
      db: h.database.db,
      clock: h.clock,
      logger: pino({ level: 'silent' }),
      web: { publicUrl: webUrl, clientSecret: SANDBOX_CLIENT_SECRET, sessionSecret: randomBytes(32).toString('hex') },
      discordApiUrl: `${proxyUrl}/api`,
      clientId: h.bot.applicationId,
      bot: botDirectory(h.bot),
      limits,
      manageCache: new ManageCache(),
    }),
  );
  return {
    ...h,
    webUrl,
    limits,
    faults,
    async revoke(accessToken) {
      await fetch(`${h.sandbox.apiUrl}/oauth2/token/revoke`, { method: 'POST', body: new URLSearchParams({ token: accessToken }) });
    },
    async close() {
      web.closeAllConnections();
      await new Promise((resolve) => web.close(resolve));
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await h.close();
    },
  };
}
