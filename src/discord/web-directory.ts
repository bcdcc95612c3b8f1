import { DiscordAPIError, type REST } from './rest.js';
import { ChannelType, Routes, type APIChannel } from 'discord-api-types/v10';
import { roleConnections } from './role-connections.js';
import type { BotDirectory } from '../bot-directory.js';
import type { Gateway } from './gateway.js';
import { removeCelebration } from './public-message.js';

/** What the web view may know from the bot's own connection: its servers, their text channels, members' names. */
export function botDirectory(bot: { gateway?: Pick<Gateway, 'inGuild' | 'textChannels' | 'memberName'> | undefined; rest: REST; applicationId: string }): BotDirectory {
  const { gateway } = bot;
  if (!gateway) return restDirectory(bot.rest, bot.applicationId);
  return {
    inGuild: (guildId) => gateway.inGuild(guildId),
    textChannels: (guildId) => gateway.textChannels(guildId).map((c) => ({ id: c.id, name: c.name })),
    memberName: (guildId, userId) => gateway.memberName(guildId, userId),
    removeCelebration: (place) => removeCelebration(bot.rest, place),
    roleConnections: roleConnections(bot.rest, bot.applicationId),
  };
}

/** How long a worker trusts what Discord said about a server's channels (the same on every worker, give or take this). */
const CHANNELS_TTL_MS = 60_000;
const CHANNELS_KEPT = 500;

/**
 * A GATEWAY=off worker has no gateway to learn the bot's servers from: it asks Discord (`GET
 * /guilds/{id}/channels` answers 403/404 where the bot is not) and keeps each answer a minute, bounded.
 * A short read-only cache of Discord's own answer: every worker converges on the same view, so a second
 * worker changes no answer beyond that minute. Names are not known here (the preview says "a member").
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
    memberName: () => undefined,
    removeCelebration: (place) => removeCelebration(rest, place),
    roleConnections: roleConnections(rest, applicationId),
  };
}
