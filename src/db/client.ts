import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Logger } from 'pino';
import postgres from 'postgres';
import { acquireDataDirLock, ensureDataDir } from './data-dir-lock.js';
import { isDatabaseUnavailable } from './errors.js';
import { migrationsFolder } from './migrations-folder.js';
import { seedFromTemplate } from './pglite-template.js';
import { poolUsage } from './pool-usage.js';
import { preparingClient } from './prepared-client.js';
import { withRawQueries } from './raw-queries.js';
import { watchSilentConnections } from './silent-connections.js';

export { DataDirLockedError } from './data-dir-lock.js';
import * as schema from './schema.js';

/** One query layer over both drivers (and their transactions). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** PostgreSQL only: this process's connections, for metrics. */
  poolUsage?(): Promise<{ open: number; inUse: number; max: number }>;
  close(): Promise<void>;
}

export { migrationsFolder };

// Any constant works; it only has to be the same in every bot process.
const MIGRATION_LOCK_KEY = 7_270_001;

export interface OpenDatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  logger: Logger;
  /** PostgreSQL only: the pool size (default 10), and the choices a connection pooler needs. */
  postgres?: { poolSize?: number | undefined } & PoolerOptions;
}

/** What a PgBouncer-style pooler in transaction mode needs. */
export interface PoolerOptions {
  /** false: no named prepared statements (a transaction-mode pooler hands each transaction any server connection). */
  prepare?: boolean | undefined;
  /** Migrate through this URL (a direct connection): the migration lock is held by a session. */
  migrationUrl?: string | undefined;
}

/** PostgreSQL when a URL is given, otherwise embedded PGlite under `dataDir`; migrated before it is returned. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.logger, options.postgres?.poolSize, defaultTimeouts, options.postgres)
    : openPglite(options.dataDir, options.logger);
}

/** How long PostgreSQL may take before a query or connection attempt counts as failed. */
export interface PostgresTimeouts {
  connectSeconds: number;
  statementMs: number;
  /** An owed answer with no byte from the server this long ends its connection (default: statementMs + 2 s). */
  silentMs?: number;
}

// Queries here are small: past a few seconds the database is in trouble, and the member should hear so.
export const defaultTimeouts: PostgresTimeouts = { connectSeconds: 5, statementMs: 8_000 };
// Idle connections are probed this often, so a peer that vanished is noticed without a query.
const KEEPALIVE_SECONDS = 10;

export async function openPostgres(url: string, logger: Logger, poolSize = 10, timeouts = defaultTimeouts, pooler: PoolerOptions = {}): Promise<Database> {
  await migratePostgresOnce(pooler.migrationUrl ?? url);
  const applicationName = `small-wins ${randomBytes(4).toString('hex')}`;
  const silentMs = timeouts.silentMs ?? timeouts.statementMs + 2_000;
  const sockets = watchSilentConnections({
    silentMs,
    encrypted: usesTls(url),
    onSilent: () => logger.warn({ silentMs }, 'database connection went silent; dropped it'),
  });
  // postgres.js documents `socket` (README, "Custom socket") but its types omit it.
  const socketOption = { socket: sockets.socket } as Partial<postgres.Options<Record<string, never>>>;
  const client = postgres(url, {
    max: poolSize,
    prepare: pooler.prepare ?? true,
    // The server's statement_timeout cannot fire for a query that never reached it: the client side has its own deadline.
    ...socketOption,
    keep_alive: KEEPALIVE_SECONDS,
    connect_timeout: timeouts.connectSeconds,
    idle_timeout: 30,
    onnotice: () => {},
    // postgres.js fetches array types on each new connection without handling that query's failure: a
    // connection ended at that moment is an unhandled rejection, which ends the process. No column or
    // parameter here is an array, so the fetch is not needed.
    fetch_types: false,
    // Enforced by the server for every statement; a transaction left idle (its client gone quiet) frees its locks.
    connection: {
      // Unique, so metrics can count this process's connections in pg_stat_activity.
      application_name: applicationName,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: Math.max(timeouts.statementMs * 2, 10_000),
    },
  });
  logger.info({ driver: 'postgres' }, 'database ready');
  const preparing = preparingClient(client);
  return {
    db: withRawQueries(drizzlePostgres(preparing, { schema }), (text, params) => preparing.unsafe(text, params as postgres.ParameterOrJSON<never>[])),
    kind: 'postgres',
    ping: () => pingPastEndedConnections(async () => void (await client`select 1`), poolSize),
    poolUsage: () => poolUsage(client, applicationName, poolSize),
    close: async () => {
      // A stalled server never answers the goodbye: after 2 s postgres.js drops its connections, then the sockets go.
      await client.end({ timeout: 2 });
      sockets.destroyAll();
    },
  };
}

/** sslmode in the URL turns TLS on (postgres.js's own rule); then the protocol is hidden from the watch. */
function usesTls(url: string): boolean {
  const query = new URL(url).searchParams;
  const mode = query.get('sslmode') ?? query.get('ssl') ?? (query.get('sslrootcert') === 'system' ? 'verify-full' : null);
  return mode !== null && mode !== 'disable' && mode !== 'false';
}

/**
 * A connection PostgreSQL ended (a restart, pg_terminate_backend) fails the queries that meet it, though
 * the database is fine: seen as CONNECTION_CLOSED, and sometimes once more as the 57P01 the server sent
 * on its way out. Trying past two failures per pooled connection reaches a fresh one: only then does a
 * failure mean the database itself is down (a refused connection fails at once, so this costs nothing then).
 */
async function pingPastEndedConnections(ping: () => Promise<void>, poolSize: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ping();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || attempt >= 2 * poolSize) throw error;
    }
  }
}

/** Several bot processes may start at once: an advisory lock lets one migrate while the others wait. */
async function migratePostgresOnce(url: string): Promise<void> {
  // One connection, so the session-level lock and the migration share it.
  const client = postgres(url, { max: 1, connect_timeout: 10, fetch_types: false, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function openPglite(dataDir: string, logger: Logger, options: { templateDir?: string; lockStaleMs?: number } = {}): Promise<Database> {
  await ensureDataDir(dataDir);
  const lock = await acquireDataDirLock(dataDir, {
    staleMs: options.lockStaleMs,
    onCompromised: (error) => {
      // Another process may be writing the folder now; crashing beats two writers losing data.
      logger.fatal({ err: error, dataDir }, 'lost the lock on the data folder');
      throw error;
    },
  });
  try {
    // Loaded here, not at the top, so a PostgreSQL deployment never pays for PGlite.
    const [{ PGlite }, { migratePgliteClient }] = await Promise.all([import('@electric-sql/pglite'), import('./pglite-migrate.js')]);
    const pgliteDir = join(dataDir, 'pglite');
    // A new folder starts as a copy of the migrated template instead of initdb; migrations then apply anything newer.
    await seedFromTemplate(pgliteDir, options.templateDir);
    const client = new PGlite(pgliteDir);
    const db = await migratePgliteClient(client);
    logger.info({ driver: 'pglite', dataDir }, 'database ready');
    return {
      db,
      kind: 'pglite',
      ping: async () => void (await client.query('select 1')),
      close: async () => {
        await client.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** An already-created PGlite (tests clone one migrated instance); migrations are applied if missing. */
export async function wrapPglite(client: PGlite): Promise<Database> {
  const { migratePgliteClient } = await import('./pglite-migrate.js');
  const db = await migratePgliteClient(client);
  return { db, kind: 'pglite', ping: async () => void (await client.query('select 1')), close: () => client.close() };
}
