import type { REST } from '@discordjs/rest';
import { WebSocketManager, WebSocketShardEvents, WebSocketShardStatus } from '@discordjs/ws';
import {
  ChannelType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type APIChannel,
  type APIInteraction,
  type GatewayDispatchPayload,
} from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Sharding } from './client.js';

// The REST client is its own module, so a GATEWAY=off worker never loads @discordjs/ws.
export { createRest } from './rest.js';

/** A text channel a recap could go to: all the bot keeps of a server's channels. */
export interface TextChannel {
  id: string;
  name: string;
  position: number;
}

const isText = (channel: Pick<APIChannel, 'type'>) => channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement;
const textOf = (channel: APIChannel): TextChannel => ({ id: channel.id, name: channel.name ?? '', position: 'position' in channel ? channel.position : 0 });

/** Members' display names seen in interactions, for the web's recap preview: a bounded map, oldest out first. */
const NAMES_KEPT = 1_000;

export interface ShardState {
  id: number;
  pingMs: number;
  ready: boolean;
}

/**
 * The gateway over @discordjs/ws with no object model and no caches beyond what the bot reads: the ids of
 * its servers (the web lists them), their text channels (the web offers them for the recap) and a bounded
 * map of display names. Everything else in a dispatch is dropped as it arrives.
 */
export class Gateway {
  readonly #manager: WebSocketManager;
  readonly #guilds = new Map<string, Map<string, TextChannel>>();
  readonly #names = new Map<string, string>();
  readonly #pings = new Map<number, number>();
  #status = new Map<number, WebSocketShardStatus>();
  user: { id: string } = { id: '' };
  applicationId = '';

  constructor(
    rest: REST,
    token: string,
    sharding: Sharding,
    private readonly logger: Logger,
    private readonly onInteraction: (interaction: APIInteraction) => void,
    /** The bot is in a server (`present`: GUILD_CREATE) or was removed from one (GUILD_DELETE without `unavailable`). */
    private readonly onServer: (guildId: string, present: boolean) => void = () => undefined,
  ) {
    this.#manager = new WebSocketManager({
      token,
      rest,
      intents: GatewayIntentBits.Guilds,
      shardCount: sharding.shardCount ?? null,
      shardIds: sharding.shardIds ?? null,
    });
    this.#manager.on(WebSocketShardEvents.Dispatch, ({ data }) => this.#dispatch(data));
    this.#manager.on(WebSocketShardEvents.HeartbeatComplete, ({ shardId, latency }) => this.#pings.set(shardId, latency));
    this.#manager.on(WebSocketShardEvents.Error, ({ error, shardId }) => logger.error({ err: error, shard: shardId }, 'gateway error'));
    this.#manager.on(WebSocketShardEvents.Closed, ({ code, shardId }) => {
      logger.warn({ code, shard: shardId }, 'gateway shard closed');
      // The health check and the shard metric read this: a closed shard is not ready until it is again.
      void this.refreshStatus().catch(() => undefined);
    });
  }

  /** Resolves once every shard of this process is READY. */
  async connect(): Promise<void> {
    await this.#manager.connect();
    await this.refreshStatus();
  }

  /** Closes every shard (the REST client stays up for answers still owed). */
  async destroy(): Promise<void> {
    await this.#manager.destroy();
    this.#status = new Map();
  }

  async refreshStatus(): Promise<void> {
    this.#status = new Map(await this.#manager.fetchStatus());
  }

  shards(): ShardState[] {
    return [...this.#status].map(([id, status]) => ({ id, pingMs: this.#pings.get(id) ?? -1, ready: status === WebSocketShardStatus.Ready }));
  }

  guildIds(): string[] {
    return [...this.#guilds.keys()];
  }

  inGuild(guildId: string): boolean {
    return this.#guilds.has(guildId);
  }

  textChannels(guildId: string): TextChannel[] {
    return [...(this.#guilds.get(guildId)?.values() ?? [])].sort((a, b) => a.position - b.position);
  }

  memberName(guildId: string, userId: string): string | undefined {
    return this.#names.get(`${guildId}:${userId}`) ?? this.#names.get(userId);
  }

  #dispatch(packet: GatewayDispatchPayload): void {
    switch (packet.t) {
      case GatewayDispatchEvents.InteractionCreate: {
        this.#rememberName(packet.d);
        this.onInteraction(packet.d);
        return;
      }
      case GatewayDispatchEvents.Ready:
        this.user = { id: packet.d.user.id };
        this.applicationId = packet.d.application.id;
        void this.refreshStatus();
        return;
      case GatewayDispatchEvents.Resumed:
        void this.refreshStatus();
        return;
      case GatewayDispatchEvents.GuildCreate: {
        const channels = new Map<string, TextChannel>();
        for (const channel of packet.d.channels ?? []) if (isText(channel)) channels.set(channel.id, textOf(channel as APIChannel));
        this.#guilds.set(packet.d.id, channels);
        this.logger.info({ guild: packet.d.id }, 'joined or resumed a server');
        this.onServer(packet.d.id, true);
        return;
      }
      case GatewayDispatchEvents.GuildDelete:
        // `unavailable` is an outage, not a removal: the server stays the bot's.
        if (packet.d.unavailable) return;
        this.#guilds.delete(packet.d.id);
        this.logger.info({ guild: packet.d.id }, 'removed from a server');
        this.onServer(packet.d.id, false);
        return;
      case GatewayDispatchEvents.ChannelCreate:
      case GatewayDispatchEvents.ChannelUpdate: {
        const channel = packet.d as APIChannel & { guild_id?: string };
        const channels = channel.guild_id ? this.#guilds.get(channel.guild_id) : undefined;
        if (!channels) return;
        if (isText(channel)) channels.set(channel.id, textOf(channel));
        else channels.delete(channel.id);
        return;
      }
      case GatewayDispatchEvents.ChannelDelete: {
        const channel = packet.d as APIChannel & { guild_id?: string };
        if (channel.guild_id) this.#guilds.get(channel.guild_id)?.delete(channel.id);
        return;
      }
      default:
    }
  }

  #rememberName(interaction: APIInteraction): void {
    const user = interaction.member?.user ?? interaction.user;
    if (!user) return;
    const name = interaction.member?.nick ?? user.global_name ?? user.username;
    const key = interaction.guild_id ? `${interaction.guild_id}:${user.id}` : user.id;
    this.#names.delete(key);
    this.#names.set(key, name);
    if (this.#names.size > NAMES_KEPT) this.#names.delete(this.#names.keys().next().value ?? '');
  }
}
