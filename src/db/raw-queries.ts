/**
 * The driver's own query call for a database handle, for the few statements on the hot path whose
 * text is already fixed (src/db/fixed-sql.ts): they skip drizzle's rendering of the SQL on every call.
 * Registered where each driver is opened; a transaction's handle has none, and goes through drizzle.
 */
export type RawQuery = (text: string, params: readonly unknown[]) => Promise<Record<string, unknown>[]>;

const registered = new WeakMap<object, RawQuery>();

export function withRawQueries<T extends object>(db: T, raw: RawQuery): T {
  registered.set(db, raw);
  return db;
}

export const rawQueriesOf = (db: object): RawQuery | undefined => registered.get(db);
