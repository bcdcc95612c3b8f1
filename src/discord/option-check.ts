import { ApplicationCommandOptionType as T } from 'discord-api-types/v10';
import { userError } from './errors.js';

interface OptionDef {
  name: string;
  type: number;
  options?: readonly OptionDef[] | undefined;
}

interface GivenOption {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly GivenOption[] | undefined;
}

// Discord's client only sends what the registered command allows; anything else is forged or from a stale client.
const unreadable = userError('bad-options', 'error.bad-options');

const SNOWFLAKE = /^\d{1,20}$/;
const isGroup = (type: number) => type === T.Subcommand || type === T.SubcommandGroup;

function valueFits(type: number, value: unknown): boolean {
  switch (type) {
    case T.String:
      return typeof value === 'string';
    case T.Integer:
      return Number.isSafeInteger(value);
    case T.Number:
      return typeof value === 'number' && Number.isFinite(value);
    case T.Boolean:
      return typeof value === 'boolean';
    case T.User:
    case T.Channel:
    case T.Role:
    case T.Mentionable:
    case T.Attachment:
      return typeof value === 'string' && SNOWFLAKE.test(value);
    default:
      return false;
  }
}

function fits(defs: readonly OptionDef[], given: readonly GivenOption[]): boolean {
  if (!Array.isArray(given)) return false;
  if (defs.some((def) => isGroup(def.type))) {
    const [only, ...rest] = given;
    const def = defs.find((d) => d.name === only?.name && d.type === only.type);
    return rest.length === 0 && def !== undefined && fits(def.options ?? [], only?.options ?? []);
  }
  const names = new Set<string>();
  return given.every((option) => {
    const def = defs.find((d) => d.name === option.name);
    if (!def || def.type !== option.type || names.has(option.name)) return false;
    names.add(option.name);
    return valueFits(def.type, option.value);
  });
}

/**
 * Refuses, kindly, options that do not match the command as registered (a wrong type, an unknown
 * name, a value of the wrong kind), so a handler only ever reads the types it declared.
 */
export function checkOptions(data: { options?: readonly OptionDef[] | undefined }, given: readonly GivenOption[]): void {
  if (!fits(data.options ?? [], given)) throw unreadable;
}
