import { EventEmitter } from 'node:events';
import type { Clock } from '../clock.js';
import type { JsonObject } from './json.js';
import { computePings } from './mentions.js';
import { SnowflakeFactory } from './snowflake.js';
import type { CommandDef, SandboxChannel, SandboxEvents, SandboxGuild, SandboxUser, StoredMessage } from './types.js';
import type { SandboxWorld } from './world.js';

export const EPHEMERAL = 64;
/** How long Discord remembers a message nonce for `enforce_nonce` ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface MessageFields {
  content?: string;
  embeds?: StoredMessage['embeds'];
  components?: JsonObject[];
  attachments?: StoredMessage['attachments'];
  allowed_mentions?: JsonObject;
  flags?: number;
}

export interface NewMessage extends MessageFields {
  channelId: string;
  authorId: string;
  type?: number;
  interaction?: StoredMessage['interaction'];
  webhookId?: string;
}

/** The simulated world: guilds, their members and channels, DMs, messages and registered commands. */
export class SandboxState {
  readonly ids: SnowflakeFactory;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly guilds = new Map<string, SandboxGuild>();
  readonly users = new Map<string, SandboxUser>();
  /** The app's role connection metadata (PUT /applications/{id}/role-connections/metadata), as last registered. */
  roleConnectionMetadata: unknown[] = [];
  /** Each user's role connection to the app (PUT /users/@me/applications/{id}/role-connection), by user id. */
  readonly roleConnections = new Map<string, { platform_name?: unknown; metadata?: unknown }>();
  /** Every change to a role connection, in order (a PUT with empty metadata clears it). */
  readonly roleConnectionLog: { userId: string; method: 'PUT'; metadata?: unknown }[] = [];
  readonly channels = new Map<string, SandboxChannel>();
  readonly events = new EventEmitter<SandboxEvents>();
  globalCommands: CommandDef[] = [];
  /** Every guild's commands, each with its `guild_id`. */
  guildCommands: CommandDef[] = [];
  /** Called after every change worth keeping across restarts (guilds, channels, members). */
  onWorldChange: () => void = () => undefined;
  readonly #messages = new Map<string, StoredMessage>();
  readonly #nonces = new Map<string, { messageId: string; at: number }>();

  constructor(
    readonly clock: Clock,
    readonly botName: string,
    world?: SandboxWorld,
  ) {
    this.ids = new SnowflakeFactory(clock);
    if (world) {
      this.ids.continueAfter(world.lastId);
      this.applicationId = world.applicationId;
      for (const g of world.guilds) this.guilds.set(g.id, { ...g });
      for (const c of world.channels) this.channels.set(c.id, { ...c });
      for (const u of world.users) this.users.set(u.id, { ...u, joinedAt: new Date(u.joinedAt) });
    } else this.applicationId = this.ids.next();
    this.botUserId = this.applicationId; // Discord bots share their application's id.
    if (!this.users.has(this.botUserId)) this.users.set(this.botUserId, this.#newUser(this.botUserId, botName, true, false));
  }

  /** The first guild: where the console and tests act unless told otherwise. */
  get defaultGuild(): SandboxGuild {
    const first = this.guilds.values().next().value;
    if (!first) throw new Error('The sandbox has no guild');
    return first;
  }

  get guildId(): string {
    return this.defaultGuild.id;
  }

  get guildName(): string {
    return this.defaultGuild.name;
  }

  get adminRoleId(): string {
    return this.defaultGuild.adminRoleId;
  }

  guild(id: string): SandboxGuild | undefined {
    return this.guilds.get(id);
  }

  /** A new guild; `shard` of `shardCount` picks an id that Discord would put on that gateway shard. */
  addGuild(name: string, opts: { shard?: number; shardCount?: number; ownerId?: string; withBot?: boolean } = {}): SandboxGuild {
    const id = opts.shard !== undefined ? this.ids.nextOnShard(opts.shard, opts.shardCount ?? 1) : this.ids.next();
    const guild: SandboxGuild = { id, name, adminRoleId: this.ids.next(), ownerId: opts.ownerId ?? '', ...(opts.withBot === false ? { withBot: false } : {}) };
    this.guilds.set(id, guild);
    this.onWorldChange();
    return guild;
  }

  /** Everything a later start needs to find the same ids again. */
  snapshot(): SandboxWorld {
    return {
      version: 1,
      clock: this.clock.now().toISOString(),
      lastId: this.ids.last,
      applicationId: this.applicationId,
      botName: this.botName,
      guilds: [...this.guilds.values()].map((g) => ({ ...g })),
      channels: [...this.channels.values()].map((c) => ({ ...c })),
      users: [...this.users.values()].map((u) => ({ ...u, joinedAt: u.joinedAt.toISOString() })),
    };
  }

  addUser(name: string, opts: { manageGuild?: boolean } = {}): SandboxUser {
    const existing = this.userByName(name);
    if (existing) {
      if (opts.manageGuild !== undefined && existing.manageGuild !== opts.manageGuild) {
        existing.manageGuild = opts.manageGuild;
        this.onWorldChange();
      }
      return existing;
    }
    const user = this.#newUser(this.ids.next(), name, false, opts.manageGuild ?? false);
    this.users.set(user.id, user);
    this.onWorldChange();
    return user;
  }

  /** Users found by name before: a scan of every user cost the stand-in 6% of its CPU per interaction with the bench's 3,000 members. */
  readonly #byName = new Map<string, SandboxUser>();

  userByName(name: string): SandboxUser | undefined {
    const wanted = name.replace(/^@/, '').toLowerCase();
    const known = this.#byName.get(wanted);
    // Still this user, under this name: `users` is open to change, so a remembered answer is checked before it is given.
    if (known && this.users.get(known.id) === known && known.username.toLowerCase() === wanted) return known;
    this.#byName.delete(wanted);
    for (const user of this.users.values()) {
      if (user.username.toLowerCase() !== wanted) continue;
      this.#byName.set(wanted, user);
      return user;
    }
    return undefined;
  }

  addChannel(name: string, guildId = this.guildId): SandboxChannel {
    const channel: SandboxChannel = { id: this.ids.next(), name, type: 0, guildId, canPost: true, position: this.guildChannels(guildId).length };
    this.channels.set(channel.id, channel);
    this.onWorldChange();
    return channel;
  }

  guildChannels(guildId = this.guildId): SandboxChannel[] {
    return [...this.channels.values()].filter((c) => c.type === 0 && c.guildId === guildId);
  }

  /** A channel by id, or a guild channel by `name` or `#name`. */
  findChannel(nameOrId: string, guildId = this.guildId): SandboxChannel | undefined {
    const byId = this.channels.get(nameOrId);
    if (byId) return byId;
    const name = nameOrId.replace(/^#/, '');
    return this.guildChannels(guildId).find((c) => c.name === name);
  }

  /** Guild commands of `guildId` (none for DMs) and then global ones. */
  commandsFor(guildId: string | undefined): CommandDef[] {
    return [...this.guildCommands.filter((c) => guildId !== undefined && c.guild_id === guildId), ...this.globalCommands];
  }

  dmChannelFor(userId: string): SandboxChannel {
    const existing = [...this.channels.values()].find((c) => c.type === 1 && c.recipientId === userId);
    if (existing) return existing;
    const channel: SandboxChannel = { id: this.ids.next(), name: '', type: 1, recipientId: userId, canPost: true, position: 0 };
    this.channels.set(channel.id, channel);
    this.onWorldChange();
    return channel;
  }

  message(id: string): StoredMessage | undefined {
    const msg = this.#messages.get(id);
    return msg && !msg.deleted ? msg : undefined;
  }

  messagesIn(channelId: string): StoredMessage[] {
    return this.allMessages().filter((m) => m.channel_id === channelId);
  }

  allMessages(): StoredMessage[] {
    return [...this.#messages.values()].filter((m) => !m.deleted);
  }

  createMessage(input: NewMessage): StoredMessage {
    const channel = this.channels.get(input.channelId);
    const author = this.users.get(input.authorId);
    if (!channel || !author) throw new Error(`createMessage: unknown channel ${input.channelId} or author ${input.authorId}`);
    const recipient = channel.recipientId ? this.users.get(channel.recipientId) : undefined;
    const flags = input.flags ?? 0;
    const msg: StoredMessage = {
      id: this.ids.next(),
      channel_id: channel.id,
      guild_id: channel.guildId,
      channelLabel: channel.type === 0 ? `#${channel.name}` : `DM to ${recipient?.username ?? '?'}`,
      dmUserId: recipient?.id,
      author: { id: author.id, username: author.username, global_name: author.globalName, bot: author.bot },
      content: input.content ?? '',
      embeds: input.embeds ?? [],
      components: input.components ?? [],
      attachments: input.attachments ?? [],
      allowed_mentions: input.allowed_mentions,
      flags,
      type: input.type ?? 0,
      timestamp: this.clock.now().toISOString(),
      edited_timestamp: null,
      pings: computePings(input.content ?? '', input.allowed_mentions, (flags & EPHEMERAL) !== 0),
      ephemeral: (flags & EPHEMERAL) !== 0,
      interaction: input.interaction,
      webhookId: input.webhookId,
      deleted: false,
    };
    this.#messages.set(msg.id, msg);
    this.events.emit('message', msg);
    return msg;
  }

  /** The message this author created with this nonce within the last few minutes, if any (`enforce_nonce`). */
  messageForNonce(authorId: string, nonce: string): StoredMessage | undefined {
    const seen = this.#nonces.get(`${authorId}:${nonce}`);
    if (!seen || this.clock.now().getTime() - seen.at >= NONCE_WINDOW_MS) return undefined;
    return this.message(seen.messageId);
  }

  rememberNonce(authorId: string, nonce: string, messageId: string): void {
    this.#nonces.set(`${authorId}:${nonce}`, { messageId, at: this.clock.now().getTime() });
  }

  /** Applies an edit; `markEdited` is false when a deferred "thinking" message gets its first content. */
  editMessage(msg: StoredMessage, fields: MessageFields, markEdited = true): StoredMessage {
    if (fields.content !== undefined) msg.content = fields.content;
    if (fields.embeds !== undefined) msg.embeds = fields.embeds;
    if (fields.components !== undefined) msg.components = fields.components;
    if (fields.attachments !== undefined) msg.attachments = fields.attachments;
    if (fields.allowed_mentions !== undefined) msg.allowed_mentions = fields.allowed_mentions;
    if (fields.flags !== undefined) msg.flags = (msg.flags & EPHEMERAL) | (fields.flags & ~EPHEMERAL);
    if (markEdited) msg.edited_timestamp = this.clock.now().toISOString();
    // Pings stay as at creation: Discord notifies nobody on edits, nor when a deferred reply is filled in.
    this.events.emit('messageUpdate', msg);
    return msg;
  }

  deleteMessage(msg: StoredMessage): void {
    msg.deleted = true;
    this.events.emit('messageDelete', msg);
  }

  #newUser(id: string, name: string, bot: boolean, manageGuild: boolean): SandboxUser {
    const globalName = name.charAt(0).toUpperCase() + name.slice(1);
    return { id, username: name, globalName, bot, manageGuild, dmsClosed: false, joinedAt: this.clock.now() };
  }
}
