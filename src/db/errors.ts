// Connection-level failures (as opposed to a bad query): the member is told to try again later.
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled: statement_timeout (its transaction rolled back, so nothing was saved)
  '25P03', // idle_in_transaction_session_timeout
]);

/** Whether the error or one of its causes (drizzle wraps the driver's error) has a code that `matches`. */
function hasCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => hasCode(inner, matches))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return hasCode(error, (code) => unavailableCodes.has(code) || code.startsWith('08'));
}

// Failures where the statement may have reached the server and committed before the connection went.
const outcomeUnknownCodes = new Set(['ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02']);

/** The connection dropped while a statement may have been in flight: it may or may not have committed. */
export function isOutcomeUnknown(error: unknown): boolean {
  return hasCode(error, (code) => outcomeUnknownCodes.has(code));
}

/** A write whose outcome could not be learnt, even by asking again. */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
}

/**
 * The database could not write for lack of room: PostgreSQL's class 53 but for the connection limit and
 * memory (53000 insufficient_resources, 53100 disk_full), or ENOSPC from the embedded database's files.
 * The write was refused, so nothing was saved.
 */
export function isDiskFull(error: unknown): boolean {
  return hasCode(error, (code) => code === '53100' || code === '53000' || code === 'ENOSPC');
}

const UNIQUE_VIOLATION = '23505';

/** True for a unique-index violation from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, (code) => code === UNIQUE_VIOLATION);
}
