import { ATTACHMENT_SIZE_LIMIT } from './validate.js';
import type { JsonObject } from './json.js';
import { apiChannel, apiMember, apiUser, EVERYONE_PERMISSIONS, memberPermissions, SEND_MESSAGES } from './payloads.js';
import type { SandboxState } from './state.js';
import type { SandboxChannel, SandboxUser } from './types.js';

export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4 } as const;

/** The envelope every guild interaction carries; discord.js 14 reads all of these fields. */
export function interactionEnvelope(
  state: SandboxState,
  ids: { id: string; token: string },
  type: number,
  user: SandboxUser,
  channel: SandboxChannel,
  data: JsonObject,
): JsonObject {
  const guild = channel.guildId ? state.guild(channel.guildId) : undefined;
  const appPermissions = channel.canPost ? EVERYONE_PERMISSIONS : EVERYONE_PERMISSIONS & ~SEND_MESSAGES;
  if (!guild) {
    // In a DM with the bot Discord sends no guild and no member: only the user (context 1, BOT_DM).
    return {
      id: ids.id,
      application_id: state.applicationId,
      type,
      data,
      channel: apiChannel(state, channel),
      channel_id: channel.id,
      user: apiUser(user),
      token: ids.token,
      version: 1,
      app_permissions: appPermissions.toString(),
      locale: user.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '1': user.id },
      context: 1,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
  }
  const permissions = memberPermissions(guild, user);
  // Added to the fresh objects, not `{ ...apiChannel(), permissions }`: on Node 20 such a literal gets a hidden class of its own each time.
  const channelPayload = apiChannel(state, channel);
  channelPayload.permissions = permissions;
  const memberPayload = apiMember(guild, user);
  memberPayload.permissions = permissions;
  return {
    id: ids.id,
    application_id: state.applicationId,
    type,
    data,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.locale ?? 'en-US', features: [] },
    channel: channelPayload,
    channel_id: channel.id,
    member: memberPayload,
    token: ids.token,
    version: 1,
    app_permissions: appPermissions.toString(),
    locale: user.locale ?? 'en-US',
    guild_locale: guild.locale ?? 'en-US',
    entitlements: [],
    // Key 0 (guild install) only where the server added the app; elsewhere the member's own install (key 1) let it through.
    authorizing_integration_owners: guild.withBot === false ? { '1': user.id } : { '0': guild.id },
    context: 0,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
}
