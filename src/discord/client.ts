import { Client, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../config.js';
import { REST_POLICY } from '../domain/retry-policy.js';

export type Sharding = Pick<Config, 'shardCount' | 'shardIds'>;

/** discord.js's `shards`/`shardCount`: SHARD_IDS of SHARD_COUNT, all of SHARD_COUNT, or Discord's recommendation. */
export function shardOptions({ shardCount, shardIds }: Sharding): { shards: number[] | 'auto'; shardCount?: number } {
  if (shardCount === undefined) return { shards: 'auto' };
  return { shards: shardIds ?? Array.from({ length: shardCount }, (_, i) => i), shardCount };
}

/**
 * Guilds intent only (no message content, no member list), nothing pings by default,
 * and caches bounded so memory stays flat however many servers the bot is in.
 */
export function createDiscordClient(apiUrl: string, sharding: Sharding = { shardCount: undefined, shardIds: undefined }): Client {
  return new Client({
    ...shardOptions(sharding),
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      api: apiUrl,
      timeout: REST_POLICY.timeoutMs,
      retries: REST_POLICY.retries,
      // A long rate limit fails the request instead of holding a claimed job past its lease.
      rejectOnRateLimit: (limit) => limit.retryAfter > REST_POLICY.maxRateLimitWaitMs,
    },
    // Interactions carry what a command needs (permissions, the resolved channel) and deliveries go through
    // REST, so almost nothing is cached. Guilds, channels and roles stay (discord.js needs them; the web
    // view lists text channels); members and users only for names the web view may show.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 50, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: 1_000,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user.id },
    },
  });
}
