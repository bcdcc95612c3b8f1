import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { BotDirectory } from '../bot-directory.js';
import type { WebDeps } from './deps.js';
import { REDIRECT_PATH } from './redirect-path.js';

// hono and oauth4webapi load only when a web view starts: a bot without one saves their memory.

interface Parts {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** The bot's own connection, as the web may use it. */
  bot: BotDirectory;
  /** The application's id: the OAuth2 client id. */
  clientId: string;
}

/** The web view's request handler for the bot's HTTP server, or undefined (said once in the log) when it is off. */
export async function webViewFor(config: Config, parts: Parts): Promise<RequestListener | undefined> {
  if (!config.webView) {
    parts.logger.info('web view off: set PUBLIC_URL, DISCORD_CLIENT_SECRET and SESSION_SECRET to turn it on');
    return undefined;
  }
  if (config.httpPort === undefined) {
    parts.logger.warn('web view off: it is served on HTTP_PORT, which is not set');
    return undefined;
  }
  parts.logger.info({ url: config.webView.publicUrl, redirect: `${config.webView.publicUrl}${REDIRECT_PATH}` }, 'web view on');
  const [{ createWebHandler }, guards] = await Promise.all([import('./app.js'), webGuards()]);
  return createWebHandler({ ...parts, ...guards, web: config.webView, discordApiUrl: config.discordApiUrl, clientId: config.applicationId ?? parts.clientId });
}

/** The web view's rate windows and Manage Server cache, made once per web view (this process's memory). */
async function webGuards(): Promise<Pick<WebDeps, 'limits' | 'manageCache'>> {
  const [{ memoryWebLimits }, { ManageCache }] = await Promise.all([import('./rate-limits.js'), import('./guard.js')]);
  return { limits: memoryWebLimits(), manageCache: new ManageCache() };
}

type SandboxWebParts = Parts & { discordApiUrl: string; clientSecret: string; /** Shared with the scheduler (role-link tokens); one per start. */ sessionSecret?: string };

/** Sandbox mode: the web view's handler as seen at `publicUrl`, signing in through the sandbox's OAuth2 stand-in (its secret given). */
export async function sandboxWebHandler(parts: SandboxWebParts & { publicUrl: string }): Promise<RequestListener> {
  const [{ createWebHandler }, guards] = await Promise.all([import('./app.js'), webGuards()]);
  return createWebHandler({
    ...guards,
    db: parts.db,
    clock: parts.clock,
    logger: parts.logger,
    web: { publicUrl: parts.publicUrl, clientSecret: parts.clientSecret, sessionSecret: parts.sessionSecret ?? randomBytes(32).toString('hex') },
    discordApiUrl: parts.discordApiUrl,
    clientId: parts.clientId,
    bot: parts.bot,
  });
}

/** Where the sandbox's web view lives when HTTP_PORT is not set: the same address every start, so bookmarks keep working. */
export const SANDBOX_WEB_PORT = 3210;

/**
 * Sandbox mode without HTTP_PORT: the web view on 127.0.0.1 at `port` (default {@link SANDBOX_WEB_PORT}),
 * or on a free port when another process holds that one (`fellBack` says so).
 */
export async function startSandboxWebView(parts: SandboxWebParts & { port?: number }): Promise<{ url: string; server: Server; fellBack: boolean }> {
  const server = createServer();
  const wanted = parts.port ?? SANDBOX_WEB_PORT;
  const fellBack = !(await listenOn(server, wanted).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    return false;
  }));
  if (fellBack) await listenOn(server, 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', await sandboxWebHandler({ ...parts, publicUrl: url }));
  return { url, server, fellBack };
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
