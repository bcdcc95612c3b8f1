import type { CelebrationPlace, Removal } from './features/wins-list.js';

// What the web view may ask of the bot's own Discord connection: a port the composition root fills,
// so the web never imports the Discord adapter and the Discord adapter never imports the web.
export interface BotDirectory {
  /** True when the bot is in this server now (a gateway process knows; a GATEWAY=off worker asks Discord). */
  inGuild(guildId: string): boolean | Promise<boolean>;
  /** Text channels of the server the recap could go to, in Discord's order. */
  textChannels(guildId: string): { id: string; name: string }[] | Promise<{ id: string; name: string }[]>;
  /** A member's display name, for mentions in the recap preview (undefined when not known or not in the server). */
  memberName(guildId: string, userId: string): string | undefined | Promise<string | undefined>;
  /** Finds and deletes a deleted win's public celebration, one of the bot's messages. */
  removeCelebration(place: CelebrationPlace): Promise<Removal>;
  /** Linked roles (SPEC §13): registers the app's metadata; sets one member's value with their own token. */
  roleConnections: { registerMetadata(): Promise<void>; push(accessToken: string, weeksActive: number): Promise<'set' | 'unauthorized' | 'refused'>;
    /** Empties a member's role connection with their own token (before their data is deleted). */
    clear(accessToken: string): Promise<'set' | 'unauthorized' | 'refused'>;
  };
}
