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

/** How long a worker trusts what Discord said about a server's channels or a member's name (the same on every worker, give or take this). */
const ANSWER_TTL_MS = 60_000;
const CHANNELS_KEPT = 500;
/** Members' names asked of Discord; the preview of a big server names a few dozen. */
const NAMES_KEPT = 2_000;

/**
 * Discord's answer for a key, kept a minute, at most `kept` of them. A 403 or 404 (not there, or not the bot's
 * to see) is an answer too, kept as undefined; any other failure goes to `otherwise` and is asked again next time.
 */
function keptAMinute<T>(kept: number, ask: (key: string) => Promise<T>, otherwise: (error: unknown) => undefined): (key: string) => Promise<T | undefined> {
  const cache = new Map<string, { at: number; value: T | undefined }>();
  return async (key) => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ANSWER_TTL_MS) return hit.value;
    let value: T | undefined;
    try {
      value = await ask(key);
    } catch (error) {
      if (!(error instanceof DiscordAPIError) || (error.status !== 403 && error.status !== 404)) return otherwise(error);
    }
    cache.delete(key);
    cache.set(key, { at: Date.now(), value });
    if (cache.size > kept) cache.delete(cache.keys().next().value ?? '');
    return value;
  };
}

/**
 * A member's display name as Discord says it now (`GET /guilds/{id}/members/{id}`: their server nickname,
 * else their global name, else their username). Undefined for one who left the server, and when Discord
 * cannot be asked: the page says "a member" rather than fail.
 */
function memberNames(rest: REST): (guildId: string, userId: string) => Promise<string | undefined> {
  const named = keptAMinute(
    NAMES_KEPT,
    async (key) => {
      const [guildId = '', userId = ''] = key.split(':');
      const member = (await rest.get(Routes.guildMember(guildId, userId))) as APIGuildMember;
      return member.nick ?? member.user.global_name ?? member.user.username;
    },
    () => undefined,
  );
  return (guildId, userId) => named(`${guildId}:${userId}`);
}

/**
 * A GATEWAY=off worker has no gateway to learn the bot's servers from: it asks Discord (`GET
 * /guilds/{id}/channels` answers 403/404 where the bot is not) and keeps each answer a minute, bounded.
 * A short read-only cache of Discord's own answer: every worker converges on the same view, so a second
 * worker changes no answer beyond that minute. Members' names are asked the same way.
 */
export function restDirectory(rest: REST, applicationId: string): BotDirectory {
  const channelsOf = keptAMinute(
    CHANNELS_KEPT,
    async (guildId) =>
      ((await rest.get(Routes.guildChannels(guildId))) as APIChannel[])
        .filter((c) => c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement)
        .map((c) => ({ id: c.id, name: c.name ?? '', position: 'position' in c ? c.position : 0 }))
        .sort((a, b) => a.position - b.position),
    // No answer about the server: the caller's to handle, and asked again next time.
    (error) => {
      throw error;
    },
  );
  return {
    inGuild: async (guildId) => (await channelsOf(guildId)) !== undefined,
    textChannels: async (guildId) => ((await channelsOf(guildId)) ?? []).map((c) => ({ id: c.id, name: c.name })),
    memberName: memberNames(rest),
    removeCelebration: (place) => removeCelebration(rest, place),
    roleConnections: roleConnections(rest, applicationId),
  };
}
