import { textLength, type JsonObject } from './json.js';
import { apiChannel, apiMember, apiRoles, apiUser, EVERYONE_PERMISSIONS, memberPermissions } from './payloads.js';
import type { SandboxState } from './state.js';
import type { CommandDef, CommandOptionDef, OptionValue, SandboxGuild } from './types.js';

export const OptionType = { Subcommand: 1, Group: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10, Attachment: 11 } as const;

export interface CommandInput {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /** Skip the checks Discord's client makes (required, choices, min/max), to reach a bot's defensive code. */
  skipClientChecks?: boolean;
  /** Sent as `data.options` verbatim instead of `options`: what a forged or stale client could send. */
  rawOptions?: JsonObject[];
}

/** A command registered where it is run (a guild's, or global; only global in DMs) by name and type (1 chat input, 2 user, 3 message); guild commands win. */
export function findCommand(state: SandboxState, name: string, type: number, guildId: string | undefined): CommandDef {
  const available = state.commandsFor(guildId);
  const found = available.find((c) => c.name === name && c.type === type);
  if (found && guildId === undefined && !offeredInDms(found)) throw new Error(`/${name} is not offered in DMs (its contexts are ${JSON.stringify(found.contexts)}), so Discord would not show it there`);
  if (!found) {
    const known = available.filter((c) => c.type === type).map((c) => c.name);
    throw new Error(`Unknown command "${name}". Registered: ${known.join(', ') || '(none)'}`);
  }
  return found;
}

/** A global command is usable in a DM with the bot (context 1) unless its `contexts` or `dm_permission` say otherwise. */
function offeredInDms(cmd: CommandDef): boolean {
  if (cmd.dm_permission === false) return false;
  return !Array.isArray(cmd.contexts) || cmd.contexts.includes(1);
}

/** The leaf option list of a command (after its subcommand group / subcommand). */
export function leafOptions(cmd: CommandDef, group?: string, sub?: string): CommandOptionDef[] {
  let options = cmd.options ?? [];
  const hasSubcommands = options.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.Group);
  if (!hasSubcommands) {
    if (group || sub) throw new Error(`/${cmd.name} has no subcommands`);
    return options;
  }
  if (group) {
    const g = options.find((o) => o.type === OptionType.Group && o.name === group);
    if (!g) throw new Error(`/${cmd.name} has no subcommand group "${group}"`);
    options = g.options ?? [];
  }
  const s = options.find((o) => o.type === OptionType.Subcommand && o.name === sub);
  if (!s) {
    const names = options.filter((o) => o.type === OptionType.Subcommand || o.type === OptionType.Group).map((o) => o.name);
    throw new Error(`/${cmd.name}${group ? ` ${group}` : ''} needs a subcommand: ${names.join(', ')}`);
  }
  return s.options ?? [];
}

/** Builds `data` of a chat-input (or autocomplete) interaction, with `resolved` as Discord sends it. */
export function chatInputData(state: SandboxState, guild: SandboxGuild | undefined, input: CommandInput, focused?: string): JsonObject {
  const cmd = findCommand(state, input.name, 1, guild?.id);
  if (input.rawOptions) return { id: cmd.id, name: cmd.name, type: 1, options: input.rawOptions, ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}) };
  const defs = leafOptions(cmd, input.subcommandGroup, input.subcommand);
  const resolved: Record<string, JsonObject> = {};
  const given = input.options ?? {};
  const leaf: JsonObject[] = [];
  for (const [name, raw] of Object.entries(given)) {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new Error(`/${cmd.name} has no option "${name}". Options: ${defs.map((d) => d.name).join(', ') || '(none)'}`);
    if (name === focused) {
      leaf.push({ name, type: def.type, value: String(raw), focused: true });
      continue;
    }
    leaf.push({ name, type: def.type, value: convert(state, guild, cmd.name, def, raw, resolved, input.skipClientChecks === true) });
  }
  if (focused === undefined && !input.skipClientChecks) {
    const missing = defs.filter((d) => d.required && !(d.name in given)).map((d) => d.name);
    if (missing.length > 0) throw new Error(`/${cmd.name} is missing required option(s): ${missing.join(', ')}`);
  } else if (focused !== undefined && !defs.some((d) => d.name === focused && d.autocomplete)) {
    throw new Error(`/${cmd.name} option "${focused}" does not have autocomplete`);
  }
  let options: JsonObject[] = leaf;
  if (input.subcommand) options = [{ name: input.subcommand, type: OptionType.Subcommand, options }];
  if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: OptionType.Group, options }];
  const data: JsonObject = { id: cmd.id, name: cmd.name, type: 1, options };
  if (cmd.guild_id) data.guild_id = cmd.guild_id;
  if (Object.keys(resolved).length > 0) data.resolved = resolved;
  return data;
}

function convert(state: SandboxState, guild: SandboxGuild | undefined, command: string, def: CommandOptionDef, raw: OptionValue, resolved: Record<string, JsonObject>, lenient: boolean): string | number | boolean {
  const fail = (why: string): never => {
    throw new Error(`/${command} option "${def.name}": ${why} (got ${JSON.stringify(raw)})`);
  };
  // What Discord's client would refuse to send; `lenient` lets such values through.
  const refuse = (why: string): void => {
    if (!lenient) fail(why);
  };
  const add = (kind: string, id: string, value: JsonObject): void => {
    const bucket = resolved[kind] ?? {};
    bucket[id] = value;
    resolved[kind] = bucket;
  };
  let value: string | number | boolean;
  switch (def.type) {
    case OptionType.String:
      value = String(raw);
      if (def.min_length !== undefined && textLength(value) < def.min_length) refuse(`must be at least ${def.min_length} characters`);
      if (def.max_length !== undefined && textLength(value) > def.max_length) refuse(`must be at most ${def.max_length} characters`);
      break;
    case OptionType.Integer:
    case OptionType.Number: {
      value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(value) || String(raw).trim() === '') fail('not a number');
      if (def.type === OptionType.Integer && !Number.isInteger(value)) fail('not an integer');
      if (def.min_value !== undefined && value < def.min_value) refuse(`must be at least ${def.min_value}`);
      if (def.max_value !== undefined && value > def.max_value) refuse(`must be at most ${def.max_value}`);
      break;
    }
    case OptionType.Boolean: {
      const text = String(raw).toLowerCase();
      if (!['true', 'false', 'yes', 'no'].includes(text)) fail('expected true/false');
      value = text === 'true' || text === 'yes';
      break;
    }
    case OptionType.User:
    case OptionType.Mentionable: {
      const user = state.users.get(String(raw)) ?? state.userByName(String(raw));
      const role = guild ? apiRoles(guild).find((r) => r.id === String(raw)) : undefined;
      if (user) {
        value = user.id;
        add('users', user.id, apiUser(user));
        if (guild) add('members', user.id, { ...apiMember(guild, user, false), permissions: memberPermissions(guild, user) });
      } else if (role && def.type === OptionType.Mentionable) {
        value = String(raw);
        add('roles', value, role);
      } else value = fail('unknown user');
      break;
    }
    case OptionType.Channel: {
      const channel = state.findChannel(String(raw), guild?.id);
      if (!channel) value = fail('unknown channel');
      else {
        value = channel.id;
        add('channels', channel.id, { ...apiChannel(state, channel), permissions: EVERYONE_PERMISSIONS.toString() });
      }
      break;
    }
    case OptionType.Role: {
      const role = (guild ? apiRoles(guild) : []).find((r) => r.id === String(raw) || r.name === String(raw).replace(/^@/, ''));
      if (!role) value = fail('unknown role');
      else {
        value = String(role.id);
        add('roles', value, role);
      }
      break;
    }
    default:
      value = fail(`option type ${def.type} is not supported by the sandbox`);
  }
  if (def.choices && def.choices.length > 0 && !def.choices.some((c) => c.value === value))
    refuse(`must be one of ${def.choices.map((c) => JSON.stringify(c.value)).join(', ')}`);
  return value;
}
