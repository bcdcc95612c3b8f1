import type { Server } from 'node:http';
import pino from 'pino';
import { botDirectory, restDirectory } from '../../src/discord/web-directory.js';
import { SANDBOX_CLIENT_SECRET } from '../../src/sandbox/oauth.js';
import { startSandboxWebView } from '../../src/web/start.js';
import { startHarness, type Harness } from '../support/harness.js';

export interface WebHarness extends Harness {
  webUrl: string;
  web: Server;
}

/**
 * The real bot and sandbox (as in e2e tests) plus the web view, signing in through the sandbox's OAuth2.
 * `directory: 'rest'`: the web view knows the bot's servers as a GATEWAY=off worker does, asking Discord (cached a minute).
 */
export async function startWebHarness(start: string, options: { sessionSecret?: string; directory?: 'gateway' | 'rest' } = {}): Promise<WebHarness> {
  const h = await startHarness(start, options.sessionSecret ? { roleLinkSecrets: { sealSecret: options.sessionSecret, clientSecret: SANDBOX_CLIENT_SECRET } } : {});
  const { url, server } = await startSandboxWebView({
    db: h.database.db,
    clock: h.clock,
    logger: pino({ level: 'silent' }),
    port: 0,
    discordApiUrl: h.sandbox.apiUrl,
    clientSecret: SANDBOX_CLIENT_SECRET,
    bot: options.directory === 'rest' ? restDirectory(h.bot.rest, h.bot.applicationId) : botDirectory(h.bot),
    clientId: h.bot.applicationId,
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
  });
  return {
    ...h,
    webUrl: url,
    web: server,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await h.close();
    },
  };
}

/** A browser without JavaScript: a cookie jar, no automatic redirects. */
export class WebClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, this.base);
    const headers = new Headers(init.headers);
    if (target.origin === new URL(this.base).origin && this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    if (target.origin === new URL(this.base).origin) {
      for (const line of response.headers.getSetCookie()) {
        const [pair, ...attributes] = line.split(';');
        const [name, ...rest] = (pair ?? '').split('=');
        const value = rest.join('=');
        if (!name) continue;
        if (value === '' || attributes.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value);
      }
    }
    return response;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  /** A same-site form post, as the browser sends it (Origin is the web view's). */
  post(url: string, form: Record<string, string>, origin = new URL(this.base).origin): Promise<Response> {
    return this.request(url, { method: 'POST', body: new URLSearchParams(form), headers: { origin, 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async html(url: string): Promise<string> {
    const response = await this.get(url);
    return response.text();
  }

  /** The CSRF token carried by the forms of a page. */
  async csrf(url: string): Promise<string> {
    const match = /name="_csrf" value="([^"]+)"/.exec(await this.html(url));
    if (!match?.[1]) throw new Error(`no CSRF token on ${url}`);
    return match[1];
  }

  /** Signs in through the sandbox's member picker, like a person clicking "Sign in as …". */
  async signIn(userId: string): Promise<void> {
    const login = await this.get('/auth/login');
    const authorize = new URL(login.headers.get('location') ?? '');
    const picked = await fetch(new URL('/oauth2/authorize', authorize), {
      method: 'POST',
      body: new URLSearchParams([...authorize.searchParams, ['user_id', userId]]),
      redirect: 'manual',
    });
    const callback = await this.get(picked.headers.get('location') ?? '');
    if (callback.status !== 303) throw new Error(`sign-in failed: ${callback.status}`);
  }
}

/** A browser signed in through the sandbox's OAuth2 as one of its members. */
export async function signedInAs(h: { webUrl: string; sandbox: Harness['sandbox'] }, name: string): Promise<WebClient> {
  const client = new WebClient(h.webUrl);
  await client.signIn(h.sandbox.user(name).id);
  return client;
}
