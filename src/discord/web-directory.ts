import { removePublicMessage } from './public-message.js';
import { ChannelType, type Client } from 'discord.js';
import type { BotDirectory } from '../bot-directory.js';

/** What the web view may know from the bot's own connection: its servers, their text channels, members' names. */
export function botDirectory(client: Client<true>): BotDirectory {
  return {
    inGuild: (guildId) => client.guilds.cache.has(guildId),
    textChannels(guildId) {
      const guild = client.guilds.cache.get(guildId);
      if (!guild) return [];
      return [...guild.channels.cache.values()]
        .filter((c) => c.type === ChannelType.GuildText || c.type === ChannelType.GuildAnnouncement)
        .sort((a, b) => ('position' in a && 'position' in b ? a.position - b.position : 0))
        .map((c) => ({ id: c.id, name: c.name }));
    },
    memberName: (guildId, userId) =>
      client.guilds.cache.get(guildId)?.members.cache.get(userId)?.displayName ?? client.users.cache.get(userId)?.displayName,
    removeMessage: (channelId, messageId) => removePublicMessage(client.rest, channelId, messageId),
  };
}
