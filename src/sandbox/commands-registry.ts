import { ApiError } from './errors.js';
import { asArray, asObject, asString, type Json, type JsonObject } from './json.js';
import type { SandboxState } from './state.js';
import type { CommandDef, CommandOptionDef } from './types.js';

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Bulk overwrite as Discord does it: the body replaces the list; a command keeps its id when its name and type stay. */
export function overwriteCommands(state: SandboxState, existing: CommandDef[], body: unknown, guildId?: string): CommandDef[] {
  if (!Array.isArray(body)) throw new ApiError(400, 50035, 'Invalid Form Body', { _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
  const problems: JsonObject = {};
  const commands = body.map((raw, i) => {
    const input = asObject(raw) ?? {};
    const errors = checkCommand(input);
    if (errors.length > 0) problems[String(i)] = { _errors: errors.map((message) => ({ code: 'APPLICATION_COMMAND_INVALID', message })) };
    return toCommand(state, existing, input, guildId);
  });
  const names = commands.map((c) => `${c.type}:${c.name}`);
  if (new Set(names).size !== names.length) problems._errors = [{ code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' }];
  if (Object.keys(problems).length > 0) throw new ApiError(400, 50035, 'Invalid Form Body', problems);
  return commands;
}

/** `POST` of one command: create or replace by name and type. */
export function upsertCommand(state: SandboxState, existing: CommandDef[], body: unknown, guildId?: string): CommandDef {
  const input = asObject(body) ?? {};
  const errors = checkCommand(input);
  if (errors.length > 0) throw new ApiError(400, 50035, 'Invalid Form Body', { _errors: errors.map((message) => ({ code: 'APPLICATION_COMMAND_INVALID', message })) });
  const command = toCommand(state, existing, input, guildId);
  const at = existing.findIndex((c) => c.id === command.id);
  if (at >= 0) existing[at] = command;
  else existing.push(command);
  return command;
}

function toCommand(state: SandboxState, existing: CommandDef[], input: JsonObject, guildId?: string): CommandDef {
  const type = typeof input.type === 'number' ? input.type : 1;
  const name = asString(input.name) ?? '';
  const previous = existing.find((c) => c.name === name && c.type === type);
  const command: CommandDef = {
    ...input,
    id: previous?.id ?? state.ids.next(),
    application_id: state.applicationId,
    name,
    description: asString(input.description) ?? '',
    type,
    version: state.ids.next(),
    default_member_permissions: asString(input.default_member_permissions) ?? null,
    options: asArray(input.options) as unknown as CommandOptionDef[],
  };
  if (guildId) command.guild_id = guildId;
  return command;
}

function checkCommand(input: JsonObject): string[] {
  const errors: string[] = [];
  const type = typeof input.type === 'number' ? input.type : 1;
  const name = asString(input.name) ?? '';
  const description = asString(input.description) ?? '';
  if (type === 1) {
    if (!NAME.test(name) || name !== name.toLowerCase()) errors.push(`name "${name}" must be 1-32 lowercase letters, digits, - or _`);
    if (description.length < 1 || description.length > 100) errors.push(`/${name}: description must be 1-100 characters`);
    checkOptions(asArray(input.options), `/${name}`, errors);
  } else {
    if (name.length < 1 || name.length > 32) errors.push(`context menu name "${name}" must be 1-32 characters`);
    if (description !== '') errors.push(`context menu "${name}" must have an empty description`);
  }
  return errors;
}

function checkOptions(options: Json[], where: string, errors: string[]): void {
  if (options.length > 25) errors.push(`${where}: at most 25 options`);
  let optionalSeen = false;
  for (const raw of options) {
    const option = asObject(raw) ?? {};
    const name = asString(option.name) ?? '';
    const at = `${where} ${name}`;
    if (!NAME.test(name) || name !== name.toLowerCase()) errors.push(`${at}: option name must be 1-32 lowercase characters`);
    const description = asString(option.description) ?? '';
    if (description.length < 1 || description.length > 100) errors.push(`${at}: description must be 1-100 characters`);
    if (asArray(option.choices).length > 25) errors.push(`${at}: at most 25 choices`);
    if (option.autocomplete === true && asArray(option.choices).length > 0) errors.push(`${at}: autocomplete and choices are exclusive`);
    if (option.type === 1 || option.type === 2) checkOptions(asArray(option.options), at, errors);
    else if (option.required === true && optionalSeen) errors.push(`${at}: required options must come before optional ones`);
    else if (option.required !== true) optionalSeen = true;
  }
}
