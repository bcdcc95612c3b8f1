import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from './interaction.js';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { FloodGuard } from '../domain/flood.js';
import type { ComponentId } from './component-ids.js';
import { userError } from './errors.js';

/** Everything a handler may use, passed in so tests can build a real set with a test database and a fixed clock. */
export interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  /** Each member's recent writes, for the flood limits (SPEC §7). */
  flood: FloodGuard;
  /** The web view's session secret (seals role-link tokens) and the app's client secret (renews them), when known. */
  roleLinkSecrets?: { sealSecret: string; clientSecret?: string | undefined } | undefined;
}

export interface ChatInputCommand {
  kind: 'chat-input';
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Whether the answer is private; the router's safety-net defer uses it. Private when not said. */
  ephemeral?: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
  /** Whether this use only reads (nothing to lose when the database is down); writes when not said. */
  readOnly?: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
  execute(interaction: ChatInputCommandInteraction, deps: Deps): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, deps: Deps): Promise<void>;
  /** Buttons whose custom id starts with `${data.name}:` come here, decoded and validated by the router. */
  button?(interaction: ButtonInteraction, deps: Deps, id: ComponentId): Promise<void>;
}

export interface MessageMenuCommand {
  kind: 'message-menu';
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  /** As for chat-input commands. */
  ephemeral?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, deps: Deps): Promise<void>;
}

export type Command = ChatInputCommand | MessageMenuCommand;

const outsideServer = userError('guild-only', 'error.guild-only');

/** The server an interaction came from; refuses one from outside a server rather than inventing an id. */
export function guildIdOf(interaction: { guildId: string | null }): string {
  if (!interaction.guildId) throw outsideServer;
  return interaction.guildId;
}

/** The member an interaction speaks for, in the server it came from. */
export function memberKeyOf(interaction: { guildId: string | null; user: { id: string } }): { guildId: string; userId: string } {
  return { guildId: guildIdOf(interaction), userId: interaction.user.id };
}
