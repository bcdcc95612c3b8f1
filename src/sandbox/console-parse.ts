import { leafOptions, OptionType } from './command-options.js';
import type { CommandDef, OptionValue } from './types.js';

/** A mistake in what the member typed; shown as a friendly console error. */
export class ConsoleInputError extends Error {}

export type ConsoleLine = { kind: 'blank' } | { kind: 'meta'; name: string; arg: string } | { kind: 'command'; text: string };

export interface ParsedCommand {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
  /** With `partial`: the option typed last (what `:complete` asks the bot to complete). */
  last?: string;
}

export interface NameLookup {
  userId(name: string): string | undefined;
  channelId(name: string): string | undefined;
}

export function classifyLine(line: string): ConsoleLine {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { kind: 'blank' };
  if (text.startsWith('/')) return { kind: 'command', text: text.slice(1) };
  const meta = /^:(\S+)\s*(.*)$/.exec(text);
  if (meta) return { kind: 'meta', name: (meta[1] ?? '').toLowerCase(), arg: meta[2] ?? '' };
  throw new ConsoleInputError(`Not understood: "${text}". Commands start with / (try /help … or :help).`);
}

/**
 * `/goal add title: Read target: 2` → command, subcommand and typed options, using the registered definitions.
 * Text before the first `option:` goes to the first required option (`/win wrote 300 words`).
 * `partial` (for `:complete`) lets the last option be empty and leaves it as typed.
 */
export function parseCommandLine(text: string, commands: CommandDef[], lookup: NameLookup, partial = false): ParsedCommand {
  const words = text.trim().split(/\s+/);
  const name = (words.shift() ?? '').toLowerCase();
  const chatCommands = commands.filter((c) => c.type === 1);
  const cmd = chatCommands.find((c) => c.name === name);
  if (!cmd) throw new ConsoleInputError(`Unknown command /${name}. Known: ${chatCommands.map((c) => `/${c.name}`).join(', ') || '(none registered yet)'}`);

  const parsed: ParsedCommand = { name, options: {} };
  const top = cmd.options ?? [];
  if (top.some((o) => o.type === OptionType.Subcommand || o.type === OptionType.Group)) {
    const first = words.shift();
    const groupDef = top.find((o) => o.type === OptionType.Group && o.name === first);
    if (groupDef) {
      parsed.subcommandGroup = groupDef.name;
      parsed.subcommand = words.shift();
    } else parsed.subcommand = first;
  }
  let defs;
  try {
    defs = leafOptions(cmd, parsed.subcommandGroup, parsed.subcommand);
  } catch (error) {
    throw new ConsoleInputError(error instanceof Error ? error.message : String(error));
  }
  const usage = `/${[name, parsed.subcommandGroup, parsed.subcommand].filter(Boolean).join(' ')}`;
  const rest = words.join(' ');
  if (rest === '') return parsed;
  const escaped = defs.map((d) => d.name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).sort((a, b) => b.length - a.length);
  const markers = escaped.length > 0 ? [...rest.matchAll(new RegExp(`(?:^|\\s)(${escaped.join('|')}):`, 'g'))] : [];
  const leading = rest.slice(0, markers[0]?.index ?? rest.length).trim();
  if (leading !== '') {
    const unknown = /^([\w-]+):/.exec(leading)?.[1];
    const first = defs.find((d) => d.required);
    const known = defs.map((d) => d.name).join(', ') || '(none)';
    if (unknown) throw new ConsoleInputError(`${usage} has no option "${unknown}". Options: ${known}`);
    if (!first || markers.some((m) => m[1] === first.name)) throw new ConsoleInputError(`Expected "option: value" after ${usage}, got "${leading}". Options: ${known}`);
    parsed.options[first.name] = partial && markers.length === 0 ? leading : convertValue(first.type, first.name, leading, lookup);
    if (partial) parsed.last = first.name;
  }
  markers.forEach((m, i) => {
    const optionName = m[1] ?? '';
    const start = (m.index ?? 0) + m[0].length;
    const value = rest.slice(start, markers[i + 1]?.index ?? rest.length).trim();
    const isLast = i === markers.length - 1;
    if (optionName in parsed.options) throw new ConsoleInputError(`Option "${optionName}" given twice`);
    if (partial) parsed.last = optionName;
    // What is being completed stays as typed, even empty: the bot gets the raw text, like on Discord.
    if (partial && isLast) return void (parsed.options[optionName] = value);
    if (value === '') throw new ConsoleInputError(`Option "${optionName}" needs a value`);
    const def = defs.find((d) => d.name === optionName);
    parsed.options[optionName] = convertValue(def?.type ?? OptionType.String, optionName, value, lookup);
  });
  return parsed;
}

function convertValue(type: number, option: string, value: string, lookup: NameLookup): OptionValue {
  const bad = (expected: string): never => {
    throw new ConsoleInputError(`Option "${option}" expects ${expected}, got "${value}"`);
  };
  switch (type) {
    case OptionType.Integer:
      return /^[-+]?\d+$/.test(value) ? Number(value) : bad('a whole number');
    case OptionType.Number:
      return Number.isFinite(Number(value)) ? Number(value) : bad('a number');
    case OptionType.Boolean: {
      const v = value.toLowerCase();
      return ['true', 'yes'].includes(v) ? true : ['false', 'no'].includes(v) ? false : bad('true/false/yes/no');
    }
    case OptionType.User:
    case OptionType.Mentionable: {
      const id = /^<@!?(\d+)>$/.exec(value)?.[1] ?? (/^\d{15,}$/.test(value) ? value : lookup.userId(value.replace(/^@/, '')));
      return id ?? bad('a member like @alice');
    }
    case OptionType.Channel: {
      const id = /^<#(\d+)>$/.exec(value)?.[1] ?? (/^\d{15,}$/.test(value) ? value : lookup.channelId(value.replace(/^#/, '')));
      return id ?? bad('a channel like #wins');
    }
    default:
      return value;
  }
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** An absolute instant for `:clock` (may be earlier than now: a script pins its start). */
export function parseClockArg(arg: string): Date {
  const text = arg.trim();
  const target = new Date(/T\d\d:\d\dZ$/.test(text) ? text.replace(/Z$/, ':00Z') : text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(target.getTime())) throw new ConsoleInputError(`Cannot read "${text}"; try 2026-11-30T09:00Z`);
  return target;
}

/** `+7d`, `+3h`, `+30m`, `+1w` (combinable: `+1d12h`) or an ISO instant; never backwards. */
export function parseTimeArg(arg: string, now: Date): Date {
  const text = arg.trim();
  if (text.startsWith('+')) {
    const parts = [...text.slice(1).matchAll(/(\d+)\s*([mhdw])/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.slice(1).replace(/\s+/g, ''))
      throw new ConsoleInputError(`Cannot read "${text}"; try +30m, +3h, +7d or +1w`);
    return new Date(now.getTime() + parts.reduce((ms, p) => ms + Number(p[1]) * (UNIT_MS[p[2] ?? 'm'] ?? 0), 0));
  }
  const target = new Date(/T\d\d:\d\dZ$/.test(text) ? text.replace(/Z$/, ':00Z') : text);
  if (Number.isNaN(target.getTime())) throw new ConsoleInputError(`Cannot read "${text}"; try +7d or 2027-01-04T09:00Z`);
  if (target.getTime() < now.getTime()) throw new ConsoleInputError(`Time only moves forward (now is ${now.toISOString()})`);
  return target;
}

/** The instant a script pins with a first `:clock` line (comments and blank lines before it allowed). */
export function scriptStartClock(lines: readonly string[]): Date | undefined {
  const first = lines.map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
  const pinned = first?.match(/^:clock\s+(\S+)$/);
  return pinned?.[1] ? parseClockArg(pinned[1]) : undefined;
}
