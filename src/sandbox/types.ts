import type { APIEmbed } from 'discord.js';
import type { JsonObject } from './json.js';

export interface SandboxUser {
  id: string;
  username: string;
  globalName: string;
  bot: boolean;
  manageGuild: boolean;
  dmsClosed: boolean;
  joinedAt: Date;
  /** The member's Discord language, sent as every interaction's `locale` (en-US when unset). */
  locale?: string;
}

export interface SandboxGuild {
  id: string;
  name: string;
  adminRoleId: string;
  ownerId: string;
  /** The server's language, sent as `guild_locale` (en-US when unset). */
  locale?: string;
  /** False for a server that never added the bot (commands reach the bot from there only through a member's own install). */
  withBot?: boolean;
  /** The server was deleted (the bot went with it): Discord answers Unknown Guild for it, Unknown Channel for its channels. */
  deleted?: boolean;
}

export interface SandboxChannel {
  id: string;
  name: string;
  /** 0 = guild text, 1 = DM. */
  type: 0 | 1;
  /** Set for guild channels. */
  guildId?: string;
  recipientId?: string;
  canPost: boolean;
  position: number;
}

export interface StoredAttachment {
  id: string;
  filename: string;
  content_type: string | undefined;
  size: number;
  url: string;
  description: string | undefined;
  data: Buffer;
}

/** Who Discord notified when the message was created (edits notify nobody). `everyone` covers @everyone and @here. */
export interface Pings {
  users: string[];
  roles: string[];
  everyone: boolean;
}

/** A message as Discord stores it (Discord's field names), plus what the sandbox knows about it. */
export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id: string | undefined;
  /** `#name` for guild channels, `DM to <username>` for DMs. */
  channelLabel: string;
  dmUserId: string | undefined;
  author: { id: string; username: string; global_name: string; bot: boolean };
  content: string;
  embeds: APIEmbed[];
  components: JsonObject[];
  attachments: StoredAttachment[];
  allowed_mentions: JsonObject | undefined;
  flags: number;
  type: number;
  timestamp: string;
  edited_timestamp: string | null;
  pings: Pings;
  ephemeral: boolean;
  /** The interaction this message answers, if any. */
  interaction: { id: string; type: number; name: string; userId: string } | undefined;
  webhookId: string | undefined;
  deleted: boolean;
}

export interface CommandOptionDef {
  type: number;
  name: string;
  description?: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string | number }[];
  options?: CommandOptionDef[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

export interface CommandDef {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  description: string;
  type: number;
  options?: CommandOptionDef[];
  version: string;
  default_member_permissions: string | null;
  [key: string]: unknown;
}

export type OptionValue = string | number | boolean;

export interface Choice {
  name: string;
  value: string | number;
}

export type InteractionKind = 'reply' | 'deferred' | 'update' | 'autocomplete' | 'modal' | 'none';

/** What the bot did with one interaction. `followUps` keeps filling as follow-ups arrive. */
export interface InteractionResult {
  interactionId: string;
  kind: InteractionKind;
  ephemeral: boolean;
  failed: boolean;
  /** The original response (or, for component updates, the updated message). */
  message: StoredMessage | undefined;
  followUps: StoredMessage[];
  choices: Choice[] | undefined;
  modal: JsonObject | undefined;
  respondedInMs: number | undefined;
}

export interface Violation {
  at: Date;
  method: string;
  path: string;
  status: number;
  code: number;
  message: string;
  errors: JsonObject | undefined;
}

export interface FaultRule {
  method?: string;
  path: RegExp;
  status: 429 | 500 | 502 | 503 | 403 | 404;
  /** For 403: 50013 Missing Permissions (the default), or 50001 Missing Access, as a channel hidden from the bot answers. */
  code?: 50013 | 50001;
  times?: number;
  /** Seconds, for 429. */
  retryAfter?: number;
}

export interface SandboxEvents {
  message: [StoredMessage];
  messageUpdate: [StoredMessage];
  messageDelete: [StoredMessage];
}
