import pino from 'pino';

// Error fields that carry what was sent (a message body, query parameters, a row's values), never what went wrong.
const dropped = new Set(['requestBody', 'params', 'parameters', 'args', 'body', 'detail', 'where', 'rawError', 'files', 'json']);

/** A pattern, what replaces it, and text every match contains (the expression runs only when it is there). */
type Rule = [pattern: RegExp, to: string, mark: string];

// Most log lines hold none of the marks, so they are checked with five substring searches, not five expressions.
const tokenPatterns: Rule[] = [
  // Interaction and webhook tokens are credentials for 15 minutes.
  [/(\/interactions\/\d+\/)[^/?\s"'\\]+/g, '$1[redacted]', '/interactions/'],
  [/(\/webhooks\/\d+\/)[^/?\s"'\\]+/g, '$1[redacted]', '/webhooks/'],
  [/\bBot [\w.-]{20,}/g, 'Bot [redacted]', 'Bot '],
  [/\bBearer [\w.-]{20,}/g, 'Bearer [redacted]', 'Bearer '],
  [/postgres(ql)?:\/\/[^\s"']+/g, 'postgres://[redacted]', 'postgres'],
];

// Inside an error's own strings (not whole log lines): values a query carried.
const valuePatterns: Rule[] = [
  // drizzle puts the parameters in its message ("params: …"), up to the stack trace or the end.
  [/\nparams: [\s\S]*?(?=\n {4}at |$)/g, '\nparams: [redacted]', '\nparams: '],
  // PostgreSQL quotes row values in some messages.
  [/(Failing row contains )\([^\n"]*\)/g, '$1([redacted])', 'Failing row contains '],
  [/(Key \([^)]*\)=)\([^\n"]*?\)/g, '$1([redacted])', 'Key ('],
];

const replaceAll = (text: string, rules: Rule[]) => rules.reduce((safe, [pattern, to, mark]) => (safe.includes(mark) ? safe.replace(pattern, to) : safe), text);

/** Tokens out of any text about to be logged (a whole log line included). */
export const scrubText = (text: string): string => replaceAll(text, tokenPatterns);

// Both lists, joined once rather than for every string an error carries.
const stringPatterns = [...tokenPatterns, ...valuePatterns];
const scrubString = (text: string): string => replaceAll(text, stringPatterns);

// SQL is code and worth keeping, but string literals in it could be anything.
const scrubSql = (sql: string) => scrubString(sql).replace(/'(?:[^']|'')*'/g, "'…'");

function scrubValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (!value || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (dropped.has(key)) out[key] = '[redacted]';
    else if (key === 'query' && typeof item === 'string') out[key] = scrubSql(item);
    else out[key] = scrubValue(item, depth + 1);
  }
  return out;
}

/** pino's error serializer, then every field that could hold a token or a member's words removed. */
export function scrubError(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error;
  return scrubValue(serialized, 0);
}
