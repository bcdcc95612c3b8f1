import type { JsonObject } from './json.js';
import type { SandboxState } from './state.js';
import type { SandboxChannel, SandboxGuild, SandboxUser, StoredMessage } from './types.js';

const bit = (n: number): bigint => 1n << BigInt(n);
export const MANAGE_GUILD = bit(5);
export const SEND_MESSAGES = bit(11);
/** What @everyone may do in the sandbox guild: read, write, embed, attach, use commands. */
export const EVERYONE_PERMISSIONS = bit(6) | bit(10) | SEND_MESSAGES | bit(14) | bit(15) | bit(16) | bit(18) | bit(31) | bit(38);
const ALL_PERMISSIONS = bit(51) - 1n;

export function memberPermissions(guild: SandboxGuild, user: SandboxUser): string {
  if (user.id === guild.ownerId) return ALL_PERMISSIONS.toString();
  return (EVERYONE_PERMISSIONS | (user.manageGuild ? MANAGE_GUILD : 0n)).toString();
}

export function apiUser(user: SandboxUser): JsonObject {
  return {
    id: user.id,
    username: user.username,
    global_name: user.bot ? null : user.globalName,
    discriminator: '0',
    avatar: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

/** Every sandbox user is a member of every sandbox guild. */
export function apiMember(guild: SandboxGuild, user: SandboxUser, withUser = true): JsonObject {
  const member: JsonObject = {
    roles: user.manageGuild ? [guild.adminRoleId] : [],
    nick: null,
    avatar: null,
    joined_at: user.joinedAt.toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
  if (withUser) member.user = apiUser(user);
  return member;
}

export function apiChannel(state: SandboxState, channel: SandboxChannel): JsonObject {
  if (channel.type === 1) {
    const recipient = channel.recipientId ? state.users.get(channel.recipientId) : undefined;
    return { id: channel.id, type: 1, last_message_id: null, flags: 0, recipients: recipient ? [apiUser(recipient)] : [] };
  }
  const overwrites = channel.canPost ? [] : [{ id: state.botUserId, type: 1, allow: '0', deny: SEND_MESSAGES.toString() }];
  return {
    id: channel.id,
    type: 0,
    guild_id: channel.guildId ?? null,
    name: channel.name,
    position: channel.position,
    permission_overwrites: overwrites,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

export function apiRoles(guild: SandboxGuild): JsonObject[] {
  const role = (id: string, name: string, permissions: bigint, position: number): JsonObject => ({
    id, name, permissions: permissions.toString(), position,
    color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false, managed: false, mentionable: false, icon: null, unicode_emoji: null, flags: 0,
  });
  return [role(guild.id, '@everyone', EVERYONE_PERMISSIONS, 0), role(guild.adminRoleId, 'Admins', EVERYONE_PERMISSIONS | MANAGE_GUILD, 1)];
}

/** The full guild as GUILD_CREATE carries it. */
export function apiGuild(state: SandboxState, guild: SandboxGuild): JsonObject {
  const members = [...state.users.values()];
  const general = state.guildChannels(guild.id)[0];
  return {
    id: guild.id,
    name: guild.name,
    icon: null, splash: null, discovery_splash: null, banner: null, description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 1, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0,
    premium_tier: 0, premium_subscription_count: 0, premium_progress_bar_enabled: false,
    system_channel_id: general?.id ?? null, system_channel_flags: 0, rules_channel_id: null,
    public_updates_channel_id: null, safety_alerts_channel_id: null,
    preferred_locale: 'en-US', features: [], vanity_url_code: null, application_id: null,
    max_members: 500000, max_video_channel_users: 25,
    roles: apiRoles(guild), emojis: [], stickers: [],
    joined_at: state.users.get(state.botUserId)?.joinedAt.toISOString() ?? null,
    large: false, unavailable: false, lazy: true,
    member_count: members.length,
    members: members.map((u) => apiMember(guild, u)),
    channels: state.guildChannels(guild.id).map((c) => apiChannel(state, c)),
    threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
  };
}

export function apiMessage(state: SandboxState, msg: StoredMessage): JsonObject {
  const mentioned = [...msg.content.matchAll(/<@!?(\d+)>/g)]
    .map((m) => state.users.get(m[1] ?? ''))
    .filter((u): u is SandboxUser => u !== undefined);
  const author = state.users.get(msg.author.id);
  const out: JsonObject = {
    id: msg.id,
    type: msg.type,
    channel_id: msg.channel_id,
    author: author ? apiUser(author) : { ...msg.author, discriminator: '0', avatar: null },
    content: msg.content,
    timestamp: msg.timestamp,
    edited_timestamp: msg.edited_timestamp,
    tts: false,
    mention_everyone: msg.pings.everyone,
    mentions: mentioned.map(apiUser),
    mention_roles: [...msg.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? ''),
    attachments: msg.attachments.map((a) => ({
      id: a.id, filename: a.filename, size: a.size, url: a.url, proxy_url: a.url,
      ...(a.content_type ? { content_type: a.content_type } : {}),
      ...(a.description ? { description: a.description } : {}),
    })),
    embeds: msg.embeds as unknown as JsonObject[],
    components: msg.components,
    pinned: false,
    flags: msg.flags,
    reactions: [],
  };
  if (msg.webhookId) {
    out.webhook_id = msg.webhookId;
    out.application_id = msg.webhookId;
  }
  if (msg.interaction) {
    const user = state.users.get(msg.interaction.userId);
    out.interaction_metadata = {
      id: msg.interaction.id,
      type: msg.interaction.type,
      user: user ? apiUser(user) : null,
      authorizing_integration_owners: msg.guild_id ? { '0': msg.guild_id } : { '1': msg.interaction.userId },
    };
  }
  if (msg.guild_id) {
    out.guild_id = msg.guild_id;
    const guild = state.guild(msg.guild_id);
    if (author && !author.bot && guild) out.member = apiMember(guild, author, false);
  }
  return out;
}
