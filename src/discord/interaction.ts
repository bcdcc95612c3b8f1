import type { REST, RawFile } from '@discordjs/rest';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOptionChoice,
  type APIEmbed,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessage,
  type APIModalInteractionResponseCallbackData,
  type APIUser,
} from 'discord-api-types/v10';

/**
 * One interaction, from the gateway or from Discord's HTTP POST, as plain data (discord-api-types) with
 * the few reading and answering methods the commands use. The names follow discord.js's, so a command reads
 * the same whichever way the interaction came; the answers go through a `Responder`.
 */

/** How answers leave: the interaction callback (REST, or the HTTP response itself) and the webhook routes after it. */
export interface Responder {
  /** The one callback. */
  callback(response: APIInteractionResponse, files: RawFile[]): Promise<void>;
  /** `PATCH /webhooks/{app}/{token}/messages/@original`. */
  editOriginal(body: MessageBody, files: RawFile[]): Promise<APIMessage>;
  /** `DELETE /webhooks/{app}/{token}/messages/@original`. */
  deleteOriginal(): Promise<void>;
  /** `POST /webhooks/{app}/{token}`. */
  followUp(body: MessageBody, files: RawFile[]): Promise<APIMessage>;
}

/** A message body as Discord's API takes it. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  allowed_mentions?: { parse: string[]; replied_user?: boolean };
  flags?: number;
  attachments?: { id: number; filename: string; description?: string }[];
}

/** A file to attach, as the commands give it. */
export interface FileToSend {
  attachment: Buffer | Uint8Array;
  name: string;
  description?: string;
}

/** What the commands pass: discord.js's spelling (`allowedMentions`, `flags`, `files`), API components and embeds. */
export interface AnswerOptions {
  content?: string;
  embeds?: APIEmbed[];
  components?: readonly unknown[];
  files?: readonly FileToSend[];
  allowedMentions?: { parse?: readonly string[]; repliedUser?: boolean };
  flags?: number | undefined;
}

/** Nothing pings by default, whatever a caller forgets (SPEC §1.7). */
function toBody(options: AnswerOptions): { body: MessageBody; files: RawFile[] } {
  const body: MessageBody = {};
  if (options.content !== undefined) body.content = options.content;
  if (options.embeds !== undefined) body.embeds = options.embeds;
  if (options.components !== undefined) body.components = [...options.components];
  if (options.flags !== undefined) body.flags = options.flags;
  const mentions = options.allowedMentions;
  body.allowed_mentions = { parse: [...(mentions?.parse ?? [])], replied_user: mentions?.repliedUser ?? false };
  const files: RawFile[] = [];
  if (options.files !== undefined) {
    body.attachments = options.files.map((file, id) => ({ id, filename: file.name, ...(file.description ? { description: file.description } : {}) }));
    options.files.forEach((file, id) => files.push({ key: `files[${id}]`, name: file.name, data: Buffer.from(file.attachment) }));
  }
  return { body, files };
}

/** `has(bit)`, with Administrator granting everything as Discord does. */
export class Permissions {
  constructor(readonly bits: bigint) {}

  has(bit: bigint): boolean {
    return (this.bits & PermissionFlagsBits.Administrator) === PermissionFlagsBits.Administrator || (this.bits & bit) === bit;
  }
}

type Option = APIApplicationCommandInteractionDataOption;
type ValueOption = Option & { value: string | number | boolean; focused?: boolean };
interface Resolved {
  users?: Record<string, APIUser>;
  channels?: Record<string, { id: string; type: number }>;
}

/** The options a command was given, read as discord.js reads them (subcommands hoisted). */
export class CommandOptions {
  readonly #leaves: readonly Option[];
  readonly #subcommand: string | null;
  readonly #resolved: Resolved;

  constructor(
    /** The top-level options as sent (what `checkOptions` compares with the registered command). */
    readonly data: readonly Option[],
    resolved: Resolved | undefined,
  ) {
    let leaves = data;
    let subcommand: string | null = null;
    const group = leaves[0];
    if (group?.type === ApplicationCommandOptionType.SubcommandGroup) leaves = group.options;
    const sub = leaves[0];
    if (sub?.type === ApplicationCommandOptionType.Subcommand) {
      subcommand = sub.name;
      leaves = sub.options ?? [];
    }
    this.#leaves = leaves;
    this.#subcommand = subcommand;
    this.#resolved = resolved ?? {};
  }

  #get(name: string, type: ApplicationCommandOptionType, required: boolean): ValueOption | undefined {
    const option = this.#leaves.find((o) => o.name === name);
    if (!option || !('value' in option)) {
      if (required) throw new TypeError(`The option "${name}" is required`);
      return undefined;
    }
    if (option.type !== type) throw new TypeError(`The option "${name}" is of type ${option.type}, not ${type}`);
    return option as ValueOption;
  }

  getSubcommand(required?: true): string;
  getSubcommand(required: boolean): string | null;
  getSubcommand(required = true): string | null {
    if (required && this.#subcommand === null) throw new TypeError('No subcommand was given');
    return this.#subcommand;
  }

  getString(name: string, required: true): string;
  getString(name: string, required?: boolean): string | null;
  getString(name: string, required = false): string | null {
    return (this.#get(name, ApplicationCommandOptionType.String, required)?.value as string | undefined) ?? null;
  }

  getInteger(name: string, required: true): number;
  getInteger(name: string, required?: boolean): number | null;
  getInteger(name: string, required = false): number | null {
    return (this.#get(name, ApplicationCommandOptionType.Integer, required)?.value as number | undefined) ?? null;
  }

  getBoolean(name: string, required: true): boolean;
  getBoolean(name: string, required?: boolean): boolean | null;
  getBoolean(name: string, required = false): boolean | null {
    return (this.#get(name, ApplicationCommandOptionType.Boolean, required)?.value as boolean | undefined) ?? null;
  }

  /** The user picked, from the interaction's resolved data (`bot` as Discord says). */
  getUser(name: string): { id: string; bot: boolean; username: string } | null {
    const id = this.#get(name, ApplicationCommandOptionType.User, false)?.value;
    if (typeof id !== 'string') return null;
    const user = this.#resolved.users?.[id];
    return { id, bot: user?.bot ?? false, username: user?.username ?? '' };
  }

  getChannel(name: string): { id: string; type: number | undefined } | null {
    const id = this.#get(name, ApplicationCommandOptionType.Channel, false)?.value;
    if (typeof id !== 'string') return null;
    return { id, type: this.#resolved.channels?.[id]?.type };
  }

  /** The option being typed (autocomplete): its value, or with `true` the option itself. */
  getFocused(full: true): { name: string; value: string | number };
  getFocused(full?: false): string | number;
  getFocused(full = false): string | number | { name: string; value: string | number } {
    const focused = this.#leaves.find((o) => 'focused' in o && o.focused) as ValueOption | undefined;
    if (!focused) throw new TypeError('No option is focused');
    const value = typeof focused.value === 'boolean' ? String(focused.value) : focused.value;
    return full ? { name: focused.name, value } : value;
  }
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/** When a snowflake was made (ms since 1970). */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** The message a button sits under, or a context menu's target. */
export interface InteractionMessage {
  id: string;
  channelId: string;
  content: string;
  author: { id: string };
  createdTimestamp: number;
}

function messageOf(message: APIMessage): InteractionMessage {
  return { id: message.id, channelId: message.channel_id, content: message.content, author: { id: message.author.id }, createdTimestamp: snowflakeTime(message.id) };
}

export type ChatInputCommandInteraction = Interaction;
export type AutocompleteInteraction = Interaction;
export type RepliableInteraction = Interaction;
export type ButtonInteraction = Interaction & { message: InteractionMessage; customId: string };
export type MessageContextMenuCommandInteraction = Interaction & { targetMessage: InteractionMessage };

export class Interaction {
  readonly id: string;
  readonly applicationId: string;
  readonly type: InteractionType;
  /** The server it came from; for a member's own install, their home server once the router has chosen it. */
  guildId: string | null;
  /** Set when it came from a DM or a server without the bot and acts in the member's home server instead. */
  actingInHome = false;
  /** Set by a command whose own statement already remembered the languages (the /win write). */
  languagesRemembered = false;
  readonly channelId: string | null;
  readonly user: { id: string; username: string; bot: boolean };
  readonly locale: string | undefined;
  readonly guildLocale: string | undefined;
  /** The member's permissions in the channel (null outside a server). */
  readonly memberPermissions: Permissions | null;
  readonly attachmentSizeLimit: number;
  /** Whether the server this came from installed the app (a member's own install reaches servers that did not). */
  readonly installedInGuild: boolean;
  readonly commandName: string;
  readonly commandType: ApplicationCommandType | undefined;
  readonly customId: string;
  readonly componentType: ComponentType | undefined;
  readonly options: CommandOptions;
  readonly message: InteractionMessage | null;
  readonly targetMessage: InteractionMessage | null;
  /** Set once Discord has taken the acknowledgement, as discord.js does. */
  deferred = false;
  replied = false;
  ephemeral: boolean | null = null;

  constructor(
    readonly raw: APIInteraction,
    private readonly responder: Responder,
    /** For the REST calls a command makes besides its answer (editing a DM's buttons, deleting a celebration). */
    readonly rest: REST,
  ) {
    this.id = raw.id;
    this.applicationId = raw.application_id;
    this.type = raw.type;
    this.guildId = raw.guild_id ?? null;
    this.channelId = raw.channel?.id ?? raw.channel_id ?? null;
    const user = raw.member?.user ?? raw.user;
    this.user = { id: user?.id ?? '', username: user?.username ?? '', bot: user?.bot ?? false };
    this.locale = 'locale' in raw ? raw.locale : undefined;
    this.guildLocale = raw.guild_locale;
    this.memberPermissions = raw.member ? new Permissions(BigInt(raw.member.permissions)) : null;
    this.attachmentSizeLimit = raw.attachment_size_limit;
    this.installedInGuild = raw.guild_id !== undefined && raw.authorizing_integration_owners?.[0] === raw.guild_id;
    const data = 'data' in raw ? raw.data : undefined;
    const command = raw.type === InteractionType.ApplicationCommand || raw.type === InteractionType.ApplicationCommandAutocomplete ? raw.data : undefined;
    const component = raw.type === InteractionType.MessageComponent ? raw.data : undefined;
    this.commandName = command?.name ?? '';
    this.commandType = command?.type;
    this.customId = component?.custom_id ?? (raw.type === InteractionType.ModalSubmit ? raw.data.custom_id : '');
    this.componentType = component?.component_type;
    const options = command && 'options' in command ? (command.options ?? []) : [];
    this.options = new CommandOptions(options as Option[], data && 'resolved' in data ? (data.resolved as never) : undefined);
    this.message = 'message' in raw && raw.message ? messageOf(raw.message) : null;
    const target = command?.type === ApplicationCommandType.Message ? command.resolved.messages[command.target_id] : undefined;
    this.targetMessage = target ? messageOf(target) : null;
  }

  isChatInputCommand(): boolean {
    return this.type === InteractionType.ApplicationCommand && this.commandType === ApplicationCommandType.ChatInput;
  }

  isContextMenuCommand(): boolean {
    return this.type === InteractionType.ApplicationCommand && this.commandType !== ApplicationCommandType.ChatInput;
  }

  isMessageContextMenuCommand(): this is MessageContextMenuCommandInteraction {
    return this.type === InteractionType.ApplicationCommand && this.commandType === ApplicationCommandType.Message;
  }

  isCommand(): boolean {
    return this.type === InteractionType.ApplicationCommand;
  }

  isAutocomplete(): boolean {
    return this.type === InteractionType.ApplicationCommandAutocomplete;
  }

  isMessageComponent(): boolean {
    return this.type === InteractionType.MessageComponent;
  }

  isButton(): this is ButtonInteraction {
    return this.type === InteractionType.MessageComponent && this.componentType === ComponentType.Button;
  }

  /** Everything but a PING and autocomplete can be answered with a message. */
  isRepliable(): boolean {
    return this.type !== InteractionType.Ping && this.type !== InteractionType.ApplicationCommandAutocomplete;
  }

  /** From now on this interaction acts in the member's home server (a member install, SPEC §11). */
  actInHome(guildId: string): void {
    this.guildId = guildId;
    this.actingInHome = true;
  }

  inGuild(): boolean {
    return this.guildId !== null;
  }

  async #callback(response: APIInteractionResponse, files: RawFile[] = []): Promise<void> {
    await this.responder.callback(response, files);
  }

  async reply(options: AnswerOptions): Promise<void> {
    const { body, files } = toBody(options);
    await this.#callback({ type: InteractionResponseType.ChannelMessageWithSource, data: body as never }, files);
    this.ephemeral = ((options.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
    this.replied = true;
  }

  async deferReply(options: { flags?: number | undefined } = {}): Promise<void> {
    const flags = (options.flags ?? 0) & MessageFlags.Ephemeral;
    await this.#callback({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags } });
    this.ephemeral = flags !== 0;
    this.deferred = true;
  }

  async deferUpdate(): Promise<void> {
    await this.#callback({ type: InteractionResponseType.DeferredMessageUpdate });
    this.deferred = true;
  }

  async update(options: AnswerOptions): Promise<void> {
    const { body, files } = toBody(options);
    await this.#callback({ type: InteractionResponseType.UpdateMessage, data: body as never }, files);
    this.replied = true;
  }

  async editReply(options: AnswerOptions): Promise<APIMessage> {
    const { body, files } = toBody(options);
    const message = await this.responder.editOriginal(body, files);
    this.replied = true;
    return message;
  }

  async deleteReply(): Promise<void> {
    await this.responder.deleteOriginal();
  }

  async followUp(options: AnswerOptions): Promise<APIMessage> {
    const { body, files } = toBody(options);
    return this.responder.followUp(body, files);
  }

  async respond(choices: readonly APIApplicationCommandOptionChoice[]): Promise<void> {
    await this.#callback({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...choices] } });
    this.replied = true;
  }

  async showModal(modal: APIModalInteractionResponseCallbackData): Promise<void> {
    await this.#callback({ type: InteractionResponseType.Modal, data: modal });
    this.replied = true;
  }
}
