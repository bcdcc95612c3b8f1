import * as oauth from 'oauth4webapi';
import type { WebDeps } from './deps.js';
import { REDIRECT_PATH } from './redirect-path.js';

export { REDIRECT_PATH };
const SCOPES = 'identify guilds';
/** Linking the consistency role asks only for this (SPEC §13), separately from signing in. */
export const ROLE_LINK_SCOPES = 'identify role_connections.write';
const MANAGE_GUILD = 1n << 5n;
/** A stalled Discord must not hold a page (or a sign-in) forever. */
const DISCORD_TIMEOUT_MS = 10_000;
const ADMINISTRATOR = 1n << 3n;

export interface DiscordIdentity {
  userId: string;
  username: string;
  accessToken: string;
  /** Seconds the access token stays valid. */
  expiresIn: number;
  /** Renews the grant after expiresIn (kept, sealed, only for a role link). */
  refreshToken: string | undefined;
}

export interface DiscordGuild {
  id: string;
  name: string;
  /** Manage Server (or Administrator, or owner): may change the bot's settings there. */
  manage: boolean;
}

/** Discord's OAuth2 (authorization code, PKCE, state) through oauth4webapi. */
export class DiscordOAuth {
  readonly #as: oauth.AuthorizationServer;
  readonly #client: oauth.Client;
  readonly #auth: oauth.ClientAuth;
  readonly #redirectUri: string;
  readonly #insecure: boolean;

  constructor(private readonly deps: Pick<WebDeps, 'discordApiUrl' | 'clientId' | 'web'>) {
    const site = deps.discordApiUrl.replace(/\/api$/, '');
    this.#as = {
      issuer: site,
      authorization_endpoint: `${site}/oauth2/authorize`,
      token_endpoint: `${deps.discordApiUrl}/oauth2/token`,
      revocation_endpoint: `${deps.discordApiUrl}/oauth2/token/revoke`,
    };
    this.#client = { client_id: deps.clientId };
    this.#auth = oauth.ClientSecretPost(deps.web.clientSecret);
    this.#redirectUri = `${deps.web.publicUrl}${REDIRECT_PATH}`;
    // Only a local stand-in (the sandbox) is plain http; Discord itself is always https.
    this.#insecure = deps.discordApiUrl.startsWith('http://');
  }

  /** Where to send the browser, and what to remember (in a signed cookie) until it comes back. */
  async start(scope = SCOPES): Promise<{ url: string; state: string; verifier: string }> {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = new URL(this.#as.authorization_endpoint ?? '');
    url.search = new URLSearchParams({
      client_id: this.deps.clientId,
      redirect_uri: this.#redirectUri,
      response_type: 'code',
      scope,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      prompt: 'none',
    }).toString();
    return { url: url.toString(), state, verifier };
  }

  /** Checks `state`, exchanges the code (with the PKCE verifier) and asks Discord who this is. */
  async finish(callbackUrl: URL, expected: { state: string; verifier: string }): Promise<DiscordIdentity> {
    const params = oauth.validateAuthResponse(this.#as, this.#client, callbackUrl, expected.state);
    const response = await oauth.authorizationCodeGrantRequest(this.#as, this.#client, this.#auth, params, this.#redirectUri, expected.verifier, this.#options());
    const tokens = await oauth.processAuthorizationCodeResponse(this.#as, this.#client, response);
    const user = (await this.#get(tokens.access_token, '/users/@me')) as { id: string; username: string; global_name?: string | null };
    return { userId: user.id, username: user.global_name ?? user.username, accessToken: tokens.access_token, expiresIn: tokens.expires_in ?? 3600, refreshToken: tokens.refresh_token };
  }

  /** The member's servers with their Manage Server right, as Discord says now. */
  async guilds(accessToken: string): Promise<DiscordGuild[]> {
    const list = (await this.#get(accessToken, '/users/@me/guilds')) as { id: string; name: string; owner?: boolean; permissions?: string }[];
    return list.map((g) => {
      const permissions = BigInt(g.permissions ?? '0');
      return { id: g.id, name: g.name, manage: g.owner === true || (permissions & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n };
    });
  }

  async revoke(accessToken: string): Promise<void> {
    await oauth.revocationRequest(this.#as, this.#client, this.#auth, accessToken, this.#options()).catch(() => undefined);
  }

  #options(): { [oauth.allowInsecureRequests]: boolean; signal: AbortSignal } {
    return { [oauth.allowInsecureRequests]: this.#insecure, signal: AbortSignal.timeout(DISCORD_TIMEOUT_MS) };
  }

  async #get(accessToken: string, path: string): Promise<unknown> {
    const response = await fetch(`${this.deps.discordApiUrl}/v10${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(DISCORD_TIMEOUT_MS),
    });
    if (!response.ok) throw new DiscordRefused(response.status);
    return response.json();
  }
}

export class DiscordRefused extends Error {
  override name = 'DiscordRefused';
  constructor(readonly status: number) {
    super(`Discord answered ${status}`);
  }
}
