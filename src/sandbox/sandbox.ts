import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { chatInputData, findCommand, type CommandInput } from './command-options.js';
import { type Gateway, INTENT_DIRECT_MESSAGES, INTENT_GUILD_MEMBERS, INTENT_GUILD_MESSAGES } from './gateway.js';
import type { HttpFront } from './http-front.js';
import type { InteractionHub, InteractionMeta } from './interaction-hub.js';
import { interactionEnvelope, InteractionType } from './interaction-payloads.js';
import { asArray, asObject, type JsonObject } from './json.js';
import { apiChannel, apiMember, apiMessage, apiUser } from './payloads.js';
import type { SandboxState } from './state.js';
import type { Choice, CommandDef, FaultRule, InteractionResult, SandboxChannel, SandboxGuild, SandboxUser, StoredMessage, Violation } from './types.js';

export interface SandboxParts {
  server: Server;
  port: number;
  token: string;
  state: SandboxState;
  http: HttpFront;
  gateway: Gateway;
  hub: InteractionHub;
  logger: Logger;
  /** Writes the world to its file (a no-op without one). */
  save: () => void;
  /** The public half of the key interactions delivered over HTTP are signed with (hex, as the Developer Portal shows it). */
  publicKey: string;
}

/** Where a member acts: a channel by name (in `guild`, by id or name; default the first guild) or id, or `dm: true` for their DM with the bot. */
export interface Place {
  channel?: string;
  guild?: string;
  dm?: boolean;
}

/** The quiet `idle` waits for once the bot says it is idle (`watchBot`): a margin of two polls, not a guess at the bot's pace. */
export const WATCHED_QUIET_MS = 20;

/** A running stand-in for Discord: drive members' actions and inspect what the bot did. */
export class Sandbox {
  readonly token: string;
  readonly port: number;
  readonly apiUrl: string;
  readonly clock: Clock;
  readonly #parts: SandboxParts;
  #botBusy: (() => boolean) | undefined;

  constructor(parts: SandboxParts) {
    this.#parts = parts;
    this.token = parts.token;
    this.port = parts.port;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.clock = parts.state.clock;
    this.#mirrorToGateway();
  }

  get applicationId(): string { return this.#parts.state.applicationId; }
  /** For the bot's DISCORD_PUBLIC_KEY: verifies what `deliverOverHttp` sends. */
  get publicKey(): string { return this.#parts.publicKey; }

  /**
   * From now on interactions go as signed HTTP POSTs to `url` (the bot's `POST /interactions`) and the
   * response is their callback, as Discord does with an Interactions Endpoint URL; several URLs take turns
   * (a round-robin load balancer in front of workers); undefined: the gateway again.
   */
  deliverOverHttp(url: string | readonly string[] | undefined): void {
    this.#parts.hub.deliverOverHttp(url);
  }

  /** The signature headers Discord would send with `body` at `timestamp` (seconds since 1970). */
  signedHeaders(body: string, timestamp: string): Record<string, string> {
    return this.#parts.hub.signedHeaders(body, timestamp);
  }

  /** How many interactions went to the bot over HTTP so far. */
  get httpDeliveries(): number { return this.#parts.hub.httpDeliveries; }

  /** The Developer Portal's check of an Interactions Endpoint URL: a signed PING, then a forged one. */
  checkEndpoint(url: string): Promise<{ pong: unknown; forgedStatus: number }> {
    return this.#parts.hub.checkEndpoint(url);
  }
  get botUserId(): string { return this.#parts.state.botUserId; }
  get guildId(): string { return this.#parts.state.guildId; }
  get guildName(): string { return this.#parts.state.guildName; }
  get adminRoleId(): string { return this.#parts.state.adminRoleId; }
  get events(): SandboxState['events'] { return this.#parts.state.events; }
  /** Every request rejected for breaking Discord's rules (limits, double acknowledgement). */
  get violations(): Violation[] { return this.#parts.http.violations; }
  /** The first guild's text channels, name → id. */
  get channels(): Record<string, string> {
    return this.channelsOf(this.guildId);
  }

  /** A guild's text channels, name → id. */
  channelsOf(guild: string): Record<string, string> {
    return Object.fromEntries(this.#parts.state.guildChannels(this.guild(guild).id).map((c) => [c.name, c.id]));
  }

  guilds(): SandboxGuild[] {
    return [...this.#parts.state.guilds.values()];
  }

  /** A guild by id or name. */
  guild(idOrName: string): SandboxGuild {
    const found = this.#parts.state.guild(idOrName) ?? this.guilds().find((g) => g.name === idOrName);
    if (!found) throw new Error(`Unknown sandbox guild "${idOrName}"`);
    return found;
  }

  /**
   * Adds the bot to another server; `shard` of `shardCount` picks an id Discord would send on that gateway shard.
   * `withBot: false` makes a server the bot was never added to (its global commands still reach the bot from there).
   */
  addGuild(name: string, opts: { shard?: number; shardCount?: number; channelNames?: string[]; withBot?: boolean } = {}): SandboxGuild {
    const { state, gateway } = this.#parts;
    const guild = state.addGuild(name, { ...opts, ownerId: state.userByName('ada')?.id ?? '' });
    for (const channel of opts.channelNames ?? ['general', 'wins']) state.addChannel(channel, guild.id);
    if (opts.withBot !== false) gateway.guildAdded(guild.id);
    return guild;
  }

  /**
   * The bot is removed from a server (kicked, or with `serverDeleted` the server deleted): GUILD_DELETE without
   * `unavailable` on its shard, and from then on the server is not the bot's for REST calls or new sessions
   * (403 Missing Access; deleted: 404 Unknown Guild, and Unknown Channel for its channels); the members stay.
   */
  removeBot(idOrName: string, opts: { serverDeleted?: boolean } = {}): void {
    const { state, gateway } = this.#parts;
    const guild = this.guild(idOrName);
    if (guild.withBot === false) return;
    guild.withBot = false;
    if (opts.serverDeleted) guild.deleted = true;
    state.onWorldChange();
    gateway.dispatch('GUILD_DELETE', { id: guild.id }, 0, guild.id);
  }

  /** A server goes through an outage: GUILD_DELETE with `unavailable: true`; the bot stays in it. */
  guildOutage(idOrName: string): void {
    const guild = this.guild(idOrName);
    this.#parts.gateway.dispatch('GUILD_DELETE', { id: guild.id, unavailable: true }, 0, guild.id);
  }

  /** The bot is added again to a server it was removed from (or never in): GUILD_CREATE on its shard. */
  addBot(idOrName: string): void {
    const { state, gateway } = this.#parts;
    const guild = this.guild(idOrName);
    if (guild.withBot !== false) return;
    delete guild.withBot;
    delete guild.deleted;
    state.onWorldChange();
    gateway.guildAdded(guild.id);
  }

  addUser(name: string, opts: { manageGuild?: boolean } = {}): SandboxUser {
    const { state, gateway } = this.#parts;
    const known = state.userByName(name);
    const user = state.addUser(name, opts);
    // Every sandbox member belongs to every guild.
    for (const guild of state.guilds.values()) {
      const member = { ...apiMember(guild, user), guild_id: guild.id };
      if (!known) gateway.dispatch('GUILD_MEMBER_ADD', member, INTENT_GUILD_MEMBERS);
      else if (opts.manageGuild !== undefined) gateway.dispatch('GUILD_MEMBER_UPDATE', member, INTENT_GUILD_MEMBERS);
    }
    return user;
  }

  /** The member's DM channel with the bot. */
  dmChannel(userName: string): SandboxChannel {
    return this.#parts.state.dmChannelFor(this.user(userName).id);
  }

  /** The `[shard_id, num_shards]` of every bot connection. */
  get connectedShards(): [number, number][] {
    return this.#parts.gateway.connectedShards;
  }

  user(name: string): SandboxUser {
    const user = this.#parts.state.userByName(name);
    if (!user) throw new Error(`Unknown sandbox user "${name}"`);
    return user;
  }

  userById(id: string): SandboxUser | undefined {
    return this.#parts.state.users.get(id);
  }

  users(): SandboxUser[] {
    return [...this.#parts.state.users.values()];
  }

  channel(nameOrId: string, guild?: string): SandboxChannel {
    const channel = this.#parts.state.findChannel(nameOrId, guild === undefined ? undefined : this.guild(guild).id);
    if (!channel) throw new Error(`Unknown sandbox channel "${nameOrId}"`);
    return channel;
  }

  /** Registered application commands: guild ones first, then global. */
  commands(): CommandDef[] {
    return [...this.#parts.state.guildCommands, ...this.#parts.state.globalCommands];
  }

  async chatInput(userName: string, input: CommandInput & Place): Promise<InteractionResult> {
    const user = this.user(userName);
    const channel = this.#place(userName, input);
    const data = chatInputData(this.#parts.state, this.#guildOf(channel), input);
    return this.#run({ type: InteractionType.Command, userId: user.id, channelId: channel.id, name: input.name, messageType: 20 }, user, channel, data);
  }

  async autocomplete(userName: string, input: CommandInput & Place & { focused: string }): Promise<Choice[]> {
    const user = this.user(userName);
    const channel = this.#place(userName, input);
    const data = chatInputData(this.#parts.state, this.#guildOf(channel), input, input.focused);
    const result = await this.#run({ type: InteractionType.Autocomplete, userId: user.id, channelId: channel.id, name: input.name, messageType: 0 }, user, channel, data);
    if (result.kind !== 'autocomplete' || !result.choices) throw new Error(`The bot did not answer autocomplete for /${input.name} ${input.focused} (${result.kind})`);
    return result.choices;
  }

  async messageCommand(userName: string, input: { name: string; messageId: string }): Promise<InteractionResult> {
    const { state } = this.#parts;
    const user = this.user(userName);
    const target = state.message(input.messageId);
    if (!target || target.ephemeral) throw new Error(`Unknown message ${input.messageId}`);
    const cmd = findCommand(state, input.name, 3, target.guild_id);
    const channel = this.channel(target.channel_id);
    const data: JsonObject = { id: cmd.id, name: cmd.name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: apiMessage(state, target) } } };
    if (cmd.guild_id) data.guild_id = cmd.guild_id;
    return this.#run({ type: InteractionType.Command, userId: user.id, channelId: channel.id, name: cmd.name, messageType: 23 }, user, channel, data);
  }

  async userCommand(userName: string, input: Place & { name: string; targetUser: string }): Promise<InteractionResult> {
    const { state } = this.#parts;
    const user = this.user(userName);
    const target = this.user(input.targetUser);
    const channel = this.#place(userName, input);
    const guild = this.#guildOf(channel);
    const cmd = findCommand(state, input.name, 2, guild?.id);
    const resolved: JsonObject = { users: { [target.id]: apiUser(target) } };
    if (guild) resolved.members = { [target.id]: apiMember(guild, target, false) };
    const data: JsonObject = { id: cmd.id, name: cmd.name, type: 2, target_id: target.id, resolved };
    return this.#run({ type: InteractionType.Command, userId: user.id, channelId: channel.id, name: cmd.name, messageType: 23 }, user, channel, data);
  }

  async clickButton(userName: string, input: { messageId: string; customId: string }): Promise<InteractionResult> {
    const { state } = this.#parts;
    const user = this.user(userName);
    const source = state.message(input.messageId);
    if (!source) throw new Error(`Unknown message ${input.messageId}`);
    const buttons = source.components.flatMap((row) => asArray(row.components).map(asObject)).filter((c) => c?.type === 2);
    if (!buttons.some((b) => b?.custom_id === input.customId)) throw new Error(`Message ${source.id} has no button with custom_id "${input.customId}"`);
    const channel = this.channel(source.channel_id);
    const meta: InteractionMeta = { type: InteractionType.Component, userId: user.id, channelId: channel.id, name: input.customId, messageType: 0, sourceMessageId: source.id };
    return this.#run(meta, user, channel, { custom_id: input.customId, component_type: 2 }, { message: apiMessage(state, source) });
  }

  /** A member's message in a guild channel (so a context menu can target it). */
  postMessage(userName: string, channelName: string, content: string): StoredMessage {
    const user = this.user(userName);
    return this.#parts.state.createMessage({ channelId: this.channel(channelName).id, authorId: user.id, content });
  }

  messages(channelNameOrId: string): StoredMessage[] {
    return this.#parts.state.messagesIn(this.channel(channelNameOrId).id);
  }

  dms(userName: string): StoredMessage[] {
    const user = this.user(userName);
    return this.#parts.state.allMessages().filter((m) => m.dmUserId === user.id);
  }

  /** The app's registered role connection metadata, and one user's role connection (linked roles). */
  roleConnectionMetadata(): unknown[] {
    return this.#parts.state.roleConnectionMetadata;
  }

  roleConnection(userName: string): { platform_name?: unknown; metadata?: unknown } | undefined {
    return this.#parts.state.roleConnections.get(this.user(userName).id);
  }

  /** Every change to one user's role connection, in order: what the bot set and cleared. */
  roleConnectionChanges(userName: string): { method: 'PUT'; metadata?: unknown }[] {
    const id = this.user(userName).id;
    return this.#parts.state.roleConnectionLog.filter((c) => c.userId === id).map(({ method, metadata }) => ({ method, ...(metadata === undefined ? {} : { metadata }) }));
  }

  allMessages(): StoredMessage[] {
    return this.#parts.state.allMessages();
  }

  message(id: string): StoredMessage | undefined {
    return this.#parts.state.message(id);
  }

  failNext(rule: FaultRule): void {
    this.#parts.http.failNext(rule);
  }

  /** `false` makes the bot's posts to that channel answer 403 Missing Permissions. */
  setCanPost(channelName: string, canPost: boolean): void {
    const channel = this.channel(channelName);
    channel.canPost = canPost;
    this.#parts.gateway.dispatch('CHANNEL_UPDATE', apiChannel(this.#parts.state, channel), 1);
  }

  /** The member's Discord language (e.g. 'de', 'ja', 'pt-BR'): their next interactions carry it as `locale`. */
  setLocale(userName: string, locale: string): void {
    this.user(userName).locale = locale;
    this.#parts.save();
  }

  /** The server's Discord language, carried as `guild_locale` (the default guild unless told). */
  setGuildLocale(locale: string, guildId = this.#parts.state.guildId): void {
    const guild = this.#parts.state.guild(guildId);
    if (!guild) throw new Error(`No guild ${guildId}`);
    guild.locale = locale;
    this.#parts.save();
  }

  closeDms(userName: string, closed = true): void {
    this.user(userName).dmsClosed = closed;
    this.#parts.save();
  }

  /**
   * The bot's own word that it has work in flight that may still call Discord (interactions being handled, a
   * scheduled tick), from whoever composed it: `idle` then waits for that too, and needs only a short quiet.
   */
  watchBot(busy: () => boolean): void {
    this.#botBusy = busy;
  }

  /** Whether `watchBot` told the sandbox how to ask the bot if it is busy. */
  get botWatched(): boolean {
    return this.#botBusy !== undefined;
  }

  /**
   * Resolves true once no HTTP request has been in flight or arrived for `quietMs`, nor has the bot said it
   * was busy (`watchBot`) in that time; false on timeout. Without `watchBot`, the quiet must outlast the bot's
   * gaps between requests; with it, every request the bot makes comes from work it counts, so a short quiet
   * is only a margin.
   */
  idle(quietMs = this.#botBusy ? WATCHED_QUIET_MS : 150, timeoutMs = 5000): Promise<boolean> {
    return this.#parts.http.idle(quietMs, timeoutMs, this.#botBusy);
  }

  get botConnected(): boolean {
    return this.#parts.gateway.connectedSessions > 0;
  }

  async close(): Promise<void> {
    const { hub, gateway, server, save } = this.#parts;
    save(); // The clock and the last id handed out, for the next start.
    hub.close();
    await gateway.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #place(userName: string, place: Place): SandboxChannel {
    if (place.dm) return this.dmChannel(userName);
    const guild = place.guild === undefined ? this.#parts.state.defaultGuild : this.guild(place.guild);
    return this.channel(place.channel ?? this.#parts.state.guildChannels(guild.id)[0]?.id ?? '', guild.id);
  }

  #guildOf(channel: SandboxChannel): SandboxGuild | undefined {
    return channel.guildId === undefined ? undefined : this.#parts.state.guild(channel.guildId);
  }

  #run(meta: InteractionMeta, user: SandboxUser, channel: SandboxChannel, data: JsonObject, extra: JsonObject = {}): Promise<InteractionResult> {
    const { state, hub, logger } = this.#parts;
    if (!this.botConnected && !hub.overHttp) logger.warn('sandbox: no bot is connected to the gateway; the interaction will fail');
    return hub.run(meta, (ids) => Object.assign(interactionEnvelope(state, ids, meta.type, user, channel, data), extra));
  }

  /** Discord tells the bot about messages over the gateway too. */
  #mirrorToGateway(): void {
    const { state, gateway } = this.#parts;
    const intentFor = (m: StoredMessage): number => (m.guild_id ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES);
    state.events.on('message', (m) => m.ephemeral || gateway.dispatch('MESSAGE_CREATE', apiMessage(state, m), intentFor(m)));
    state.events.on('messageUpdate', (m) => m.ephemeral || gateway.dispatch('MESSAGE_UPDATE', apiMessage(state, m), intentFor(m)));
    state.events.on('messageDelete', (m) => {
      const d: JsonObject = { id: m.id, channel_id: m.channel_id };
      if (m.guild_id) d.guild_id = m.guild_id;
      if (!m.ephemeral) gateway.dispatch('MESSAGE_DELETE', d, intentFor(m));
    });
  }
}
