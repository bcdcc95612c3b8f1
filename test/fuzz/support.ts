import fc from 'fast-check';
import { count } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import type { CommandDef, CommandOptionDef, OptionValue } from '../../src/sandbox/index.js';

/** What a fuzzed interaction is: a command, an autocomplete, a (forged) button or the message menu. */
export type Action =
  | { kind: 'command'; user: string; name: string; subcommand?: string; options: Record<string, OptionValue>; skipClientChecks: boolean }
  | { kind: 'autocomplete'; user: string; name: string; subcommand?: string; focused: string; value: string }
  | { kind: 'button'; user: string; customId: string }
  | { kind: 'menu'; user: string; content: string };

const OPTION = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Number: 10 } as const;

// Text members might send: markdown, mention syntax, invisible and direction characters, NUL, astral emoji.
const nasty = fc.constantFrom(
  '**bold** _it_ ~~s~~ `code` ```block```', '> quote', '# heading', '-# small', '[free nitro](https://evil.example/claim)',
  '@everyone', '@here', '<@1>', '<@!2>', '<@&3>', '<#4>', '</win:5>', '<t:0:R>', '\u200b\u200b', '\u202egpj.exe', '\u0000', '🌱🎉', 'e\u0301', '\ud83c', '   ', '\n\n',
);
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 6 }).map((parts) => parts.join(' ')),
);
/** 0, 1, max and max+1 code points, or anything. */
const sized = (max: number) =>
  fc.oneof(
    text,
    fc.constantFrom(0, 1, max, max + 1).chain((n) => fc.constantFrom('x', '🌱', 'é', '\u200b').map((c) => c.repeat(n))),
  );
const dates = fc.oneof(
  fc.constantFrom('today', 'yesterday', '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-11-24', 'tomorrow', '1 week ago', '-1', ''),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  text,
);
const zones = fc.constantFrom('Europe/Paris', 'UTC', 'Asia/Katmandu', 'Mars/Olympus', 'Etc/GMT+14', 'europe/paris', '+05:30', 'EST', '', 'America/Argentina/ComodRivadavia');

function valueFor(def: CommandOptionDef, users: readonly string[], lax: boolean): fc.Arbitrary<OptionValue> {
  if (def.choices && def.choices.length > 0) {
    const chosen = fc.constantFrom(...def.choices.map((c) => c.value));
    return lax ? fc.oneof(chosen, text) : chosen;
  }
  switch (def.type) {
    case OPTION.String:
      if (def.name === 'when' || def.name.includes('date')) return dates;
      if (def.name === 'timezone') return fc.oneof(zones, text);
      return sized(def.max_length ?? 100).filter((s) => lax || ([...s].length >= (def.min_length ?? 0) && [...s].length <= (def.max_length ?? 6000)));
    case OPTION.Integer:
    case OPTION.Number: {
      const min = def.min_value ?? -1_000;
      const max = def.max_value ?? 1_000;
      const edges = fc.constantFrom(min, max, min - 1, max + 1, 0, 1);
      return (lax ? edges : fc.integer({ min, max })).map((n) => (lax ? n : Math.min(max, Math.max(min, n))));
    }
    case OPTION.Boolean:
      return fc.boolean();
    case OPTION.User:
      return fc.constantFrom(...users);
    case OPTION.Channel:
      return fc.constantFrom('general', 'wins');
    default:
      return fc.constant('x');
  }
}

function optionsFor(defs: readonly CommandOptionDef[], users: readonly string[], lax: boolean): fc.Arbitrary<Record<string, OptionValue>> {
  const entries = defs.map((def) => {
    const value = valueFor(def, users, lax);
    // Discord itself refuses an interaction without a required option, so one is never left out.
    return [def.name, def.required ? value : fc.option(value, { nil: undefined })] as const;
  });
  return fc.record(Object.fromEntries(entries)).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, OptionValue>);
}

/** Every chat-input command and subcommand as registered, with its options. */
function leaves(commands: readonly CommandDef[]): { name: string; subcommand?: string; options: CommandOptionDef[] }[] {
  return commands
    .filter((c) => c.type === 1)
    .flatMap((c) => {
      const subs = (c.options ?? []).filter((o) => o.type === OPTION.Subcommand);
      if (subs.length === 0) return [{ name: c.name, options: c.options ?? [] }];
      return subs.map((s) => ({ name: c.name, subcommand: s.name, options: s.options ?? [] }));
    });
}

export function actions(commands: readonly CommandDef[], users: readonly string[], buttonPrefixes: readonly string[]): fc.Arbitrary<Action> {
  const user = fc.constantFrom(...users);
  const all = leaves(commands);
  const command = fc.constantFrom(...all).chain((leaf) =>
    fc.boolean().chain((lax) =>
      fc.record({ user, options: optionsFor(leaf.options, users, lax) }).map(
        ({ user: u, options }): Action => ({ kind: 'command', user: u, name: leaf.name, ...(leaf.subcommand ? { subcommand: leaf.subcommand } : {}), options, skipClientChecks: lax }),
      ),
    ),
  );
  const withAutocomplete = all.flatMap((leaf) => leaf.options.filter((o) => o.autocomplete).map((o) => ({ leaf, focused: o.name })));
  const autocomplete = fc.record({ user, pick: fc.constantFrom(...withAutocomplete), value: sized(100) }).map(
    ({ user: u, pick, value }): Action => ({ kind: 'autocomplete', user: u, name: pick.leaf.name, ...(pick.leaf.subcommand ? { subcommand: pick.leaf.subcommand } : {}), focused: pick.focused, value }),
  );
  const button = fc
    .record({ user, prefix: fc.constantFrom(...buttonPrefixes), rest: fc.array(fc.oneof(text, fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String)), { maxLength: 5 }) })
    .map(({ user: u, prefix, rest }): Action => ({ kind: 'button', user: u, customId: [...`${prefix}:${rest.join(':')}`].slice(0, 100).join('') }))
    .filter((a) => a.kind === 'button' && a.customId.length > 0);
  const menu = fc.record({ user, content: sized(2000).filter((s) => [...s].length <= 2000 && s.trim() !== '') }).map(({ user: u, content }): Action => ({ kind: 'menu', user: u, content }));
  return fc.oneof({ arbitrary: command, weight: 6 }, { arbitrary: autocomplete, weight: 2 }, { arbitrary: button, weight: 1 }, { arbitrary: menu, weight: 1 });
}

const TABLES = [schema.wins, schema.goals, schema.goalRevisions, schema.checkins, schema.checkinCheers, schema.members, schema.pauses, schema.guilds, schema.pairings, schema.memberDms];

/** Row counts of every table members' commands write to. */
export async function rowCounts(db: Db): Promise<number[]> {
  return Promise.all(TABLES.map(async (table) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0));
}
