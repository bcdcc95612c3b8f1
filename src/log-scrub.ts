import pino from 'pino';

// Error fields that carry what was sent (a message body, query parameters, a row's values), never what went wrong.
const dropped = new Set(['requestBody', 'params', 'parameters', 'args', 'body', 'detail', 'where', 'rawError', 'files', 'json']);

const tokenPatterns: [RegExp, string][] = [
  // Interaction and webhook tokens are credentials for 15 minutes.
  [/(\/interactions\/\d+\/)[^/?\s"'\\]+/g, '$1[redacted]'],
  [/(\/webhooks\/\d+\/)[^/?\s"'\\]+/g, '$1[redacted]'],
  [/\b(Bot|Bearer) [\w.-]{20,}/g, '$1 [redacted]'],
  [/postgres(ql)?:\/\/[^\s"']+/g, 'postgres://[redacted]'],
];

// Inside an error's own strings (not whole log lines): values a query carried.
const valuePatterns: [RegExp, string][] = [
  // drizzle puts the parameters in its message ("params: …"), up to the stack trace or the end.
  [/\nparams: [\s\S]*?(?=\n {4}at |$)/g, '\nparams: [redacted]'],
  // PostgreSQL quotes row values in some messages.
  [/(Failing row contains )\([^\n"]*\)/g, '$1([redacted])'],
  [/(Key \([^)]*\)=)\([^\n"]*?\)/g, '$1([redacted])'],
];

const replaceAll = (text: string, list: [RegExp, string][]) => list.reduce((safe, [pattern, to]) => safe.replace(pattern, to), text);

// Text holding none of these cannot match a token pattern: most log lines are checked with five quick
// searches instead of four regular expressions.
const tokenMarks = ['/interactions/', '/webhooks/', 'Bot ', 'Bearer ', 'postgres'];

/** Tokens out of any text about to be logged (a whole log line included). */
export const scrubText = (text: string): string => (tokenMarks.some((mark) => text.includes(mark)) ? replaceAll(text, tokenPatterns) : text);

const scrubString = (text: string): string => replaceAll(text, [...tokenPatterns, ...valuePatterns]);

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
