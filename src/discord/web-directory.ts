import { DiscordAPIError, type REST } from './rest.js';
import { ChannelType, Routes, type APIChannel, type APIGuildMember } from 'discord-api-types/v10';
import { roleConnections } from './role-connections.js';
import type { BotDirectory } from '../bot-directory.js';
import type { Gateway } from './gateway.js';
import { removeCelebration } from './public-message.js';

/** What the web view may know from the bot's own connection: its servers, their text channels, members' names. */
export function botDirectory(bot: { gateway?: Pick<Gateway, 'inGuild' | 'textChannels' | 'memberName'> | undefined; rest: REST; applicationId: string }): BotDirectory {
  const { gateway } = bot;
  if (!gateway) return restDirectory(bot.rest, bot.applicationId);
  const askDiscord = memberNames(bot.rest);
  return {
    inGuild: (guildId) => gateway.inGuild(guildId),
    textChannels: (guildId) => gateway.textChannels(guildId).map((c) => ({ id: c.id, name: c.name })),
    // The gateway learns names from the interactions it delivers; with an interactions endpoint it delivers none.
    memberName: (guildId, userId) => gateway.memberName(guildId, userId) ?? askDiscord(guildId, userId),
    removeCelebration: (place) => removeCelebration(bot.rest, place),
    roleConnections: roleConnections(bot.rest, bot.applicationId),
  };
}

/** How long a worker trusts what Discord said about a server's channels (the same on every worker, give or take this). */
const CHANNELS_TTL_MS = 60_000;
const CHANNELS_KEPT = 500;
/** Members' names asked of Discord, kept as long as a server's channels; the preview of a big server names a few dozen. */
const NAMES_KEPT = 2_000;

/**
 * A member's display name as Discord says it now (`GET /guilds/{id}/members/{id}`: their server nickname,
 * else their global name, else their username), kept a minute, bounded. Undefined for one who left the
 * server or when Discord cannot be asked: the page says "a member" rather than fail.
 */
function memberNames(rest: REST): (guildId: string, userId: string) => Promise<string | undefined> {
  const cache = new Map<string, { at: number; name: string | undefined }>();
  return async (guildId, userId) => {
    const key = `${guildId}:${userId}`;
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < CHANNELS_TTL_MS) return hit.name;
    let name: string | undefined;
    try {
      const member = (await rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
      name = member.nick ?? member.user.global_name ?? member.user.username;
    } catch (error) {
      // Gone from the server (404), or the bot from it (403): kept. Anything else may pass; asked again next time.
      if (!(error instanceof DiscordAPIError) || (error.status !== 403 && error.status !== 404)) return undefined;
    }
    cache.delete(key);
    cache.set(key, { at: Date.now(), name });
    if (cache.size > NAMES_KEPT) cache.delete(cache.keys().next().value ?? '');
    return name;
  };
}

/**
 * A GATEWAY=off worker has no gateway to learn the bot's servers from: it asks Discord (`GET
 * /guilds/{id}/channels` answers 403/404 where the bot is not) and keeps each answer a minute, bounded.
 * A short read-only cache of Discord's own answer: every worker converges on the same view, so a second
 * worker changes no answer beyond that minute. Members' names are asked the same way.
 */
export function restDirectory(rest: REST, applicationId: string): BotDirectory {
  const cache = new Map<string, { at: number; channels: { id: string; name: string; position: number }[] | undefined }>();
  async function channelsOf(guildId: string) {
    const hit = cache.get(guildId);
    if (hit && Date.now() - hit.at < CHANNELS_TTL_MS) return hit.channels;
    let channels: { id: string; name: string; position: number }[] | undefined;
    try {
      const all = (await rest.get(Routes.guildChannels(guildId))) as APIChannel[];
      channels = all
        .filter((c) => c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement)
        .map((c) => ({ id: c.id, name: c.name ?? '', position: 'position' in c ? c.position : 0 }))
        .sort((a, b) => a.position - b.position);
    } catch (error) {
      if (!(error instanceof DiscordAPIError) || (error.status !== 403 && error.status !== 404)) throw error;
    }
    cache.delete(guildId);
    cache.set(guildId, { at: Date.now(), channels });
    if (cache.size > CHANNELS_KEPT) cache.delete(cache.keys().next().value ?? '');
    return channels;
  }
  return {
    inGuild: async (guildId) => (await channelsOf(guildId)) !== undefined,
    textChannels: async (guildId) => ((await channelsOf(guildId)) ?? []).map((c) => ({ id: c.id, name: c.name })),
    memberName: memberNames(rest),
    removeCelebration: (place) => removeCelebration(rest, place),
    roleConnections: roleConnections(rest, applicationId),
  };
}
