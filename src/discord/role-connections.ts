import { DiscordAPIError, type REST } from './rest.js';
import { Routes } from 'discord-api-types/v10';
import { ROLE_CONNECTION_METADATA, ROLE_METADATA_KEY } from '../domain/consistency.js';
import type { PushOutcome, RoleGrant, RoleLinkClearing } from '../features/consistency.js';
import { sealKeyFrom } from '../features/token-seal.js';

const PLATFORM_NAME = 'Small Wins';
/** A stalled Discord must not hold the job forever. */
const DISCORD_TIMEOUT_MS = 10_000;

/** The linked-role calls (SPEC §13): the app's metadata with the bot's token, a member's value with theirs. */
export function roleConnections(rest: REST, applicationId: string) {
  const put = (accessToken: string, body: unknown) =>
    rest.put(Routes.userApplicationRoleConnection(applicationId), { auth: false, headers: { authorization: `Bearer ${accessToken}` }, body });
  return {
    async registerMetadata(): Promise<void> {
      await rest.put(Routes.applicationRoleConnectionMetadata(applicationId), { body: ROLE_CONNECTION_METADATA });
    },
    /** The member's own token, never the bot's; 'unauthorized' when Discord answers 401 (expired or revoked). */
    async push(accessToken: string, weeksActive: number): Promise<PushOutcome> {
      try {
        await put(accessToken, { platform_name: PLATFORM_NAME, metadata: { [ROLE_METADATA_KEY]: String(weeksActive) } });
        return 'set';
      } catch (error) {
        // The error may quote the request; nothing of it is logged here.
        return error instanceof DiscordAPIError && error.status === 401 ? 'unauthorized' : 'refused';
      }
    },
    /** Empties the member's role connection (Discord has no DELETE for it), so the role no longer applies. */
    async clear(accessToken: string): Promise<PushOutcome> {
      try {
        await put(accessToken, { metadata: {} });
        return 'set';
      } catch (error) {
        return error instanceof DiscordAPIError && error.status === 401 ? 'unauthorized' : 'refused';
      }
    },
  };
}

/**
 * Discord's token endpoint with `grant_type=refresh_token` and the app's id and secret: a new access
 * token (and refresh token) for a member's link. 'revoked' when Discord refuses the refresh token, undefined
 * when it could not be asked (a network failure, a 5xx). Neither token nor answer body is ever logged.
 */
export function roleGrantRefresher(apiUrl: string, client: { id: string; secret: string }) {
  return async (refreshToken: string): Promise<RoleGrant | 'revoked' | undefined> => {
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/v10/oauth2/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.id, client_secret: client.secret }),
        signal: AbortSignal.timeout(DISCORD_TIMEOUT_MS),
      });
    } catch {
      return undefined;
    }
    // 400 invalid_grant: this refresh token is dead. A 401 is the app's own credentials (a config problem), not the member's link.
    if (response.status === 400) return 'revoked';
    if (!response.ok) return undefined;
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') return undefined;
    return {
      accessToken: body.access_token,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 604_800,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    };
  };
}

/** What /privacy delete needs to clear a member's role connection, from the bot's REST client; undefined without the secrets. */
export function roleLinkClearing(client: { rest: REST; applicationId: string }, secrets: { sealSecret: string; clientSecret?: string | undefined } | undefined): RoleLinkClearing | undefined {
  if (!secrets) return undefined;
  const id = client.applicationId;
  return {
    sealKey: sealKeyFrom(secrets.sealSecret),
    clear: roleConnections(client.rest, id).clear,
    ...(secrets.clientSecret ? { refresh: roleGrantRefresher(client.rest.options.api, { id, secret: secrets.clientSecret }) } : {}),
  };
}
