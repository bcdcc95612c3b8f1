/** A variable set to nothing but spaces counts as unset. */
export const emptyAsUndefined = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/**
 * Reads variables one check each: a value as the bot uses it, or undefined (unset, or wrong); each wrong
 * one adds a problem naming the variable, never its value, in the order read.
 */
export interface EnvReader {
  readonly problems: string[];
  /** Whether a value was not even of its kind (no number, not one of the choices, not an address): then checks between variables are skipped, as before. */
  readonly unreadable: boolean;
  problem(name: string, message: string): void;
  /** Any text. */
  text(name: string): string | undefined;
  /** Text the test accepts (the value is kept as written, as before). */
  check(name: string, test: (value: string) => boolean, message: string, unreadable?: boolean): string | undefined;
  matching(name: string, pattern: RegExp, message: string): string | undefined;
  oneOf<const T extends string>(name: string, values: readonly T[], message?: string): T | undefined;
  /** A whole number from `min` to `max` (as JavaScript's Number reads it: "8080", " 10 ", "1e3"). */
  integer(name: string, min: number, max: number, message: string): number | undefined;
  /** A URL that parses, of a protocol matching `protocol` (http(s) ones written with "://"); trimmed, tabs and newlines removed. */
  url(name: string, protocol: RegExp | undefined, message: string): string | undefined;
}

export function readEnv(env: NodeJS.ProcessEnv): EnvReader {
  const problems: string[] = [];
  let unreadable = false;
  const problem = (name: string, message: string) => void problems.push(`${name} ${message}`);
  const read = <T>(name: string, parse: (value: string) => T | undefined, message: string, isUnreadable: (value: string) => boolean = () => false): T | undefined => {
    const value = emptyAsUndefined(env[name]);
    if (value === undefined) return undefined;
    const parsed = parse(value);
    if (parsed === undefined) {
      problem(name, message);
      if (isUnreadable(value)) unreadable = true;
    }
    return parsed;
  };
  return {
    problems,
    get unreadable() {
      return unreadable;
    },
    problem,
    text: (name) => emptyAsUndefined(env[name]),
    check: (name, test, message, isUnreadable = false) => read(name, (v) => (test(v) ? v : undefined), message, () => isUnreadable),
    matching: (name, pattern, message) => read(name, (v) => (pattern.test(v) ? v : undefined), message),
    oneOf: (name, values, message) =>
      read(name, (v) => values.find((allowed) => allowed === v), message ?? `Invalid option: expected one of ${values.map((v) => JSON.stringify(v)).join('|')}`, () => true),
    integer: (name, min, max, message) => {
      const value = emptyAsUndefined(env[name]);
      if (value === undefined) return undefined;
      const n = Number(value);
      if (!Number.isInteger(n)) {
        unreadable = true;
        problem(name, message);
        return undefined;
      }
      // Each bound missed is told (as before): a huge number is both beyond a safe integer and above the maximum.
      const missed = [!Number.isSafeInteger(n), n < min, n > max].filter(Boolean).length;
      for (let i = 0; i < missed; i++) problem(name, message);
      return missed === 0 ? n : undefined;
    },
    url: (name, protocol, message) => read(name, (v) => checkedUrl(v, protocol), message),
  };
}

function checkedUrl(value: string, protocol: RegExp | undefined): string | undefined {
  const trimmed = value.trim();
  // "http:example.com" and "https:/path" parse, but are not what anyone means.
  if (protocol?.source === '^https?$' && !/^https?:\/\//i.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (protocol && !protocol.test(url.protocol.replace(/:$/, ''))) return undefined;
  return trimmed.replace(/[\t\n\r]/g, '');
}
