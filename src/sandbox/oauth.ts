import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiUser, memberPermissions } from './payloads.js';
import type { SandboxState } from './state.js';

/** The client secret the sandbox's OAuth2 stand-in accepts (a web view run against it uses this). */
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret';

/** How long an access token lasts, as Discord's: 7 days. */
export const ACCESS_TOKEN_SECONDS = 604_800;

interface PendingCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Discord's OAuth2 authorization-code flow with PKCE, as a stand-in: a member picker instead of
 * Discord's consent screen, then the token, `users/@me` and `users/@me/guilds` endpoints.
 */
export class SandboxOAuth {
  readonly #codes = new Map<string, PendingCode>();
  readonly #tokens = new Map<string, { userId: string; scope: string; expiresAt: number }>();
  /** Refresh tokens, each good for one use (Discord rotates them), never expiring here. */
  readonly #refreshTokens = new Map<string, { userId: string; scope: string; clientId: string }>();

  constructor(
    private readonly state: SandboxState,
    private readonly clientSecret = SANDBOX_CLIENT_SECRET,
  ) {}

  /** True for the requests this stand-in answers: the authorize page, the token endpoints, and Bearer-token calls. */
  handles(req: IncomingMessage): boolean {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/oauth2/authorize' || /^\/api(\/v\d+)?\/oauth2\/token(\/revoke)?$/.test(path)) return true;
    return /^Bearer /.test(req.headers.authorization ?? '') && /^\/api(\/v\d+)?\/users\/@me(\/guilds|\/applications\/\d+\/role-connection)?$/.test(path);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const raw = await readBody(req);
    const body = new URLSearchParams(raw);
    const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname === '/oauth2/authorize') {
      if (req.method === 'POST') return this.#approve(body, res);
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.#picker(url.searchParams));
    }
    if (/\/oauth2\/token\/revoke$/.test(url.pathname)) {
      this.#tokens.delete(body.get('token') ?? '');
      this.#refreshTokens.delete(body.get('token') ?? '');
      return json(200, {});
    }
    if (/\/oauth2\/token$/.test(url.pathname)) return this.#token(body, json);
    const token = this.#tokens.get((req.headers.authorization ?? '').slice('Bearer '.length));
    // An access token lasts ACCESS_TOKEN_SECONDS on the sandbox's clock, as Discord's do.
    const live = token && token.expiresAt > this.state.clock.now().getTime() ? token : undefined;
    const user = live ? this.state.users.get(live.userId) : undefined;
    if (!user) return json(401, { message: '401: Unauthorized', code: 0 });
    if (url.pathname.endsWith('/role-connection')) {
      // Needs the scope the member granted, and the app's own id, as Discord checks.
      if (!token?.scope.split(' ').includes('role_connections.write') || !url.pathname.includes(`/applications/${this.state.applicationId}/`)) {
        return json(403, { message: 'Missing Access', code: 50001 });
      }
      if (req.method === 'PUT') {
        const parsed = JSON.parse(raw || '{}') as { platform_name?: unknown; metadata?: unknown };
        this.state.roleConnections.set(user.id, { platform_name: parsed.platform_name, metadata: parsed.metadata });
        this.state.roleConnectionLog.push({ userId: user.id, method: 'PUT', metadata: parsed.metadata });
      }
      return json(200, this.state.roleConnections.get(user.id) ?? { platform_name: null, metadata: {} });
    }
    if (url.pathname.endsWith('/guilds')) {
      // Every simulated member belongs to every simulated server.
      const guilds = [...this.state.guilds.values()].map((guild) => ({
        id: guild.id,
        name: guild.name,
        icon: null,
        banner: null,
        features: [],
        owner: user.id === guild.ownerId,
        permissions: memberPermissions(guild, user),
      }));
      return json(200, guilds);
    }
    return json(200, apiUser(user));
  }

  #picker(query: URLSearchParams): string {
    const hidden = [...query.entries()].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    const people = [...this.state.users.values()].filter((u) => !u.bot);
    const buttons = people
      .map((u) => `<li><button name="user_id" value="${u.id}">Sign in as ${escapeHtml(u.globalName)}${u.manageGuild ? ' (Manage Server)' : ''}</button></li>`)
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sandbox sign-in</title></head>
<body><main><h1>Sandbox: who are you?</h1><p>This stands in for Discord's sign-in page. Pick a simulated member.</p>
<form method="post" action="/oauth2/authorize">${hidden}<ul>${buttons}</ul></form></main></body></html>`;
  }

  #approve(body: URLSearchParams, res: ServerResponse): void {
    const redirectUri = body.get('redirect_uri') ?? '';
    const user = this.state.users.get(body.get('user_id') ?? '');
    if (!user || !/^https?:\/\//.test(redirectUri) || body.get('code_challenge_method') !== 'S256' || body.get('response_type') !== 'code') {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid authorization request\n');
      return;
    }
    const code = randomBytes(16).toString('hex');
    this.#codes.set(code, {
      userId: user.id,
      clientId: body.get('client_id') ?? '',
      redirectUri,
      challenge: body.get('code_challenge') ?? '',
      scope: body.get('scope') ?? '',
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (body.has('state')) target.searchParams.set('state', body.get('state') ?? '');
    res.writeHead(302, { location: target.toString() }).end();
  }

  #token(body: URLSearchParams, json: (status: number, value: unknown) => void): void {
    if (body.get('grant_type') === 'refresh_token') return this.#refresh(body, json);
    const code = this.#codes.get(body.get('code') ?? '');
    this.#codes.delete(body.get('code') ?? '');
    const verifier = body.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const valid =
      code !== undefined &&
      body.get('grant_type') === 'authorization_code' &&
      body.get('client_id') === code.clientId &&
      body.get('client_secret') === this.clientSecret &&
      body.get('redirect_uri') === code.redirectUri &&
      challenge === code.challenge;
    if (!valid) return json(400, { error: 'invalid_grant', error_description: 'Invalid "code" in request.' });
    json(200, this.#grant(code.userId, code.scope, code.clientId));
  }

  /** `grant_type=refresh_token`: the client's own id and secret and an unused refresh token give a new pair. */
  #refresh(body: URLSearchParams, json: (status: number, value: unknown) => void): void {
    const refresh = this.#refreshTokens.get(body.get('refresh_token') ?? '');
    if (!refresh || body.get('client_id') !== refresh.clientId || body.get('client_secret') !== this.clientSecret) {
      return json(400, { error: 'invalid_grant', error_description: 'Invalid "refresh_token" in request.' });
    }
    this.#refreshTokens.delete(body.get('refresh_token') ?? '');
    json(200, this.#grant(refresh.userId, refresh.scope, refresh.clientId));
  }

  #grant(userId: string, scope: string, clientId: string) {
    const accessToken = randomBytes(16).toString('hex');
    const refreshToken = randomBytes(16).toString('hex');
    this.#tokens.set(accessToken, { userId, scope, expiresAt: this.state.clock.now().getTime() + ACCESS_TOKEN_SECONDS * 1000 });
    this.#refreshTokens.set(refreshToken, { userId, scope, clientId });
    return { access_token: accessToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refreshToken, scope };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
