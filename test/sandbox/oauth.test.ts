import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { SANDBOX_CLIENT_SECRET, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

const redirectUri = 'http://127.0.0.1:9/auth/callback';
const verifier = 'a-verifier-long-enough-to-be-a-real-one-0123456789';
const challenge = createHash('sha256').update(verifier).digest('base64url');

describe("the sandbox's stand-in for Discord's OAuth2", () => {
  let sandbox: Sandbox;
  const site = () => sandbox.apiUrl.replace(/\/api$/, '');

  /** What a member's click on "Sign in as …" answers: a redirect carrying a code and the state. */
  async function authorize(name: string): Promise<string> {
    const form = new URLSearchParams({ client_id: sandbox.applicationId, redirect_uri: redirectUri, response_type: 'code', scope: 'identify guilds', state: 's1', code_challenge: challenge, code_challenge_method: 'S256', user_id: sandbox.user(name).id });
    const response = await fetch(`${site()}/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('s1');
    return location.searchParams.get('code') ?? '';
  }
  const token = (code: string, overrides: Record<string, string> = {}) =>
    fetch(`${sandbox.apiUrl}/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, client_id: sandbox.applicationId, client_secret: SANDBOX_CLIENT_SECRET, ...overrides }),
    });

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock('2027-01-04T09:00:00Z') });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('offers every simulated member on its sign-in page, escaping what it echoes', async () => {
    const page = await (await fetch(`${site()}/oauth2/authorize?state=%22%3E%3Cscript%3E`)).text();
    expect(page).toContain('Sign in as Ada (Manage Server)');
    expect(page).toContain('Sign in as Bob');
    expect(page).not.toContain('"><script>');
  });

  it('refuses a wrong PKCE verifier, a wrong secret and a code used twice', async () => {
    expect((await token(await authorize('alice'), { code_verifier: 'x'.repeat(50) })).status).toBe(400);
    expect((await token(await authorize('alice'), { client_secret: 'nope' })).status).toBe(400);
    const code = await authorize('alice');
    expect((await token(code)).status).toBe(200);
    expect((await token(code)).status).toBe(400);
  });

  it("answers users/@me and users/@me/guilds for the token's member, with Manage Server only where they have it", async () => {
    const bearer = async (name: string) => ((await (await token(await authorize(name))).json()) as { access_token: string }).access_token;
    const get = async (accessToken: string, path: string) =>
      (await fetch(`${sandbox.apiUrl}/v10${path}`, { headers: { authorization: `Bearer ${accessToken}` } })).json() as Promise<Record<string, unknown>[] & Record<string, unknown>>;
    const bob = await bearer('bob');
    expect((await get(bob, '/users/@me')).id).toBe(sandbox.user('bob').id);
    const [guild] = await get(bob, '/users/@me/guilds');
    expect(guild?.id).toBe(sandbox.guildId);
    expect(BigInt(String(guild?.permissions)) & (1n << 5n)).toBe(0n);
    const [adas] = await get(await bearer('ada'), '/users/@me/guilds');
    expect(BigInt(String(adas?.permissions)) & (1n << 5n)).toBe(1n << 5n);
    expect((await fetch(`${sandbox.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
    // The bot's own token still reaches the bot's routes.
    const me = (await (await fetch(`${sandbox.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${sandbox.token}` } })).json()) as { id: string };
    expect(me.id).toBe(sandbox.botUserId);
  });
});
