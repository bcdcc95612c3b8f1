import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { ROLE_CONNECTION_METADATA, ROLE_METADATA_KEY } from '../domain/consistency.js';

const PLATFORM_NAME = 'Small Wins';

/** The linked-role calls (SPEC §13): the app's metadata with the bot's token, a member's value with theirs. */
export function roleConnections(rest: REST, applicationId: string) {
  return {
    async registerMetadata(): Promise<void> {
      await rest.put(Routes.applicationRoleConnectionMetadata(applicationId), { body: ROLE_CONNECTION_METADATA });
    },
    /** The member's own token, never the bot's; a refusal (revoked, expired) answers false. */
    async push(accessToken: string, weeksActive: number): Promise<boolean> {
      try {
        await rest.put(Routes.userApplicationRoleConnection(applicationId), {
          auth: false,
          headers: { authorization: `Bearer ${accessToken}` },
          body: { platform_name: PLATFORM_NAME, metadata: { [ROLE_METADATA_KEY]: String(weeksActive) } },
        });
        return true;
      } catch {
        // The error may quote the request; nothing of it is logged here.
        return false;
      }
    },
  };
}
