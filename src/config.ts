import { emptyAsUndefined, readEnv, type EnvReader } from './config-env.js';
import { readWebViewEnv, webViewOf, type WebViewConfig } from './config-web.js';

// Plain checks, no schema library: the parsing runs once at start-up, and a validation library's
// modules would stay loaded (and resident) for the whole life of the process.

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const SNOWFLAKE = /^\d{1,20}$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i;
// The same address checks as before (zod's ipv4 and ipv6 formats).
const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;

function isIPv6(value: string): boolean {
  if (value.includes('%') || !value.includes(':')) return false;
  try {
    return new URL(`http://[${value}]`).hostname.length > 0;
  } catch {
    return false;
  }
}

/** The environment, checked: every value as the bot uses it, or the problems, each naming its variable. */
function readConfigEnv(env: NodeJS.ProcessEnv) {
  const r: EnvReader = readEnv(env);
  const e = {
    DISCORD_TOKEN: r.text('DISCORD_TOKEN'),
    DISCORD_APPLICATION_ID: r.matching('DISCORD_APPLICATION_ID', SNOWFLAKE, 'must be a Discord id (digits only)'),
    DISCORD_API_URL: r.url('DISCORD_API_URL', /^https?$/, 'must be an http(s) URL such as https://discord.com/api') ?? 'https://discord.com/api',
    DEV_GUILD_ID: r.matching('DEV_GUILD_ID', SNOWFLAKE, 'must be a Discord id (digits only)'),
    DATABASE_URL: r.url('DATABASE_URL', /^postgres(ql)?$/, 'must be a postgres:// URL'),
    DATABASE_POOL_SIZE: r.integer('DATABASE_POOL_SIZE', 1, 100, 'must be a whole number of connections (1–100)') ?? 10,
    DATABASE_PREPARE: r.oneOf('DATABASE_PREPARE', ['true', 'false'] as const, 'must be true or false') ?? 'true',
    DATABASE_MIGRATION_URL: r.url('DATABASE_MIGRATION_URL', /^postgres(ql)?$/, 'must be a postgres:// URL'),
    DATA_DIR: r.text('DATA_DIR') ?? './data',
    LOG_LEVEL: r.oneOf('LOG_LEVEL', logLevels) ?? 'info',
    // Every interface by default (a container's port mapping needs it); 127.0.0.1 keeps health, metrics and the web view local.
    HTTP_HOST:
      r.check('HTTP_HOST', (v) => IPV4.test(v) || isIPv6(v) || HOST_NAME.test(v), 'must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0', true) ?? '0.0.0.0',
    HTTP_PORT: r.integer('HTTP_PORT', 0, 65535, 'must be a port number (0–65535)'),
    SHARD_COUNT: r.integer('SHARD_COUNT', 1, Infinity, 'must be a whole number of shards (1 or more)'),
    SHARD_IDS: r.matching('SHARD_IDS', /^\s*\d+\s*(,\s*\d+\s*)*$/, 'must be shard numbers separated by commas, such as 0,1'),
    GATEWAY: r.oneOf('GATEWAY', ['on', 'off'] as const, 'must be on or off') ?? 'on',
    DISCORD_PUBLIC_KEY: r.matching('DISCORD_PUBLIC_KEY', /^[0-9a-f]{64}$/i, 'must be the 64 hex digits of the Public Key on the Developer Portal'),
    ...readWebViewEnv(r),
  };
  // What only holds between variables: checked on what is set, even when a value is itself wrong (both problems are told).
  const set = (name: string) => emptyAsUndefined(env[name]);
  if (r.unreadable) return { e, problems: r.problems };
  if (set('DISCORD_PUBLIC_KEY') !== undefined && set('HTTP_PORT') === undefined) r.problem('DISCORD_PUBLIC_KEY', 'needs HTTP_PORT (the interactions endpoint is served there)');
  if (set('GATEWAY') === 'off' && set('DISCORD_PUBLIC_KEY') === undefined) r.problem('GATEWAY', 'off needs DISCORD_PUBLIC_KEY and HTTP_PORT (with no gateway, interactions arrive over HTTP)');
  const shardIds = set('SHARD_IDS');
  const shardCount = set('SHARD_COUNT');
  if (shardIds !== undefined) {
    if (shardCount === undefined) r.problem('SHARD_IDS', 'needs SHARD_COUNT (the total number of shards of all processes)');
    else if (parseShardIds(shardIds).some((id) => id >= Number(shardCount))) r.problem('SHARD_IDS', 'must be below SHARD_COUNT (shards are numbered from 0)');
  }
  return { e, problems: r.problems };
}

const parseShardIds = (text: string): number[] => [...new Set(text.split(',').map((id) => Number(id.trim())))];

export interface Config {
  /** Unset: the bot starts the local sandbox instead of connecting to Discord. */
  discordToken: string | undefined;
  applicationId: string | undefined;
  discordApiUrl: string;
  devGuildId: string | undefined;
  /** Unset: embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** PostgreSQL: connections this process may open (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  /** PostgreSQL: false behind a transaction-mode pooler such as PgBouncer (DATABASE_PREPARE). */
  databasePrepare: boolean;
  /** PostgreSQL: a direct connection for the start-up migration when DATABASE_URL goes through a pooler. */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  httpPort: number | undefined;
  /** `HTTP_HOST`: the address health, metrics and the web view listen on (default 0.0.0.0, every interface). */
  httpHost: string;
  /**
   * `SHARD_COUNT`: how many gateway shards all processes of this bot run together. Unset: Discord's
   * recommended count (GET /gateway/bot), every shard in this process.
   */
  shardCount: number | undefined;
  /** `SHARD_IDS` (e.g. `0,1`, needs SHARD_COUNT): the shards this process runs. Unset: all of SHARD_COUNT. */
  shardIds: number[] | undefined;
  /** Unset: no web view (SPEC §10). */
  webView: WebViewConfig | undefined;
  /** `DISCORD_PUBLIC_KEY` (hex): serve `POST /interactions` on HTTP_PORT, verified with it (SPEC §11). */
  discordPublicKey: string | undefined;
  /** `GATEWAY=off`: a stateless worker (no gateway session; interactions over HTTP, scheduled work through the claims). */
  gateway: boolean;
}

/** Where the database is and how to connect to it, for `openDatabase`. */
export function databaseOptionsOf(config: Config) {
  const postgres = { poolSize: config.databasePoolSize, prepare: config.databasePrepare, migrationUrl: config.databaseMigrationUrl };
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, postgres };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value throws one line naming the variable, never its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { e, problems } = readConfigEnv(env);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  const webView = webViewOf(e);
  if (typeof webView === 'string') throw new ConfigError(`Invalid configuration: ${webView}`);
  return {
    discordToken: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    discordApiUrl: e.DISCORD_API_URL.replace(/\/+$/, ''),
    devGuildId: e.DEV_GUILD_ID,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePrepare: e.DATABASE_PREPARE === 'true',
    databaseMigrationUrl: e.DATABASE_MIGRATION_URL,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    httpPort: e.HTTP_PORT,
    httpHost: e.HTTP_HOST,
    shardCount: e.SHARD_COUNT,
    shardIds: e.SHARD_IDS === undefined ? undefined : parseShardIds(e.SHARD_IDS),
    webView,
    discordPublicKey: e.DISCORD_PUBLIC_KEY?.toLowerCase(),
    gateway: e.GATEWAY === 'on',
  };
}

/** Test-only settings: which PostgreSQL server the database tests use (PGlite when unset). */
export function loadTestSettings(env: NodeJS.ProcessEnv = process.env): { testDatabaseUrl: string | undefined } {
  const r = readEnv(env);
  const testDatabaseUrl = r.url('TEST_DATABASE_URL', /^postgres(ql)?$/, 'must be a postgres:// URL');
  if (r.problems.length > 0) throw new ConfigError('Invalid configuration: TEST_DATABASE_URL must be a postgres:// URL');
  return { testDatabaseUrl };
}

/** `node dist/src/rest-proxy.js`: PROXY_PORT (default 8080), PROXY_HOST (0.0.0.0), DISCORD_API_URL as upstream. */
export function loadProxySettings(env: NodeJS.ProcessEnv = process.env): { port: number; host: string; upstream: string } {
  const r = readEnv(env);
  const port = r.integer('PROXY_PORT', 1, 65535, 'must be a port number') ?? 8080;
  if (r.problems.length > 0) throw new ConfigError('Invalid configuration: PROXY_PORT must be a port number');
  const upstream = r.url('DISCORD_API_URL', undefined, 'must be an http(s) URL') ?? 'https://discord.com/api';
  if (r.problems.length > 0) throw new ConfigError('Invalid configuration: DISCORD_API_URL must be an http(s) URL');
  return { port, host: emptyAsUndefined(env.PROXY_HOST) ?? '0.0.0.0', upstream: upstream.replace(/\/+$/, '') };
}

/** Benchmark-only settings: PostgreSQL server for `npm run bench` (PGlite in memory when unset). */
export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): { benchDatabaseUrl: string | undefined } {
  const r = readEnv(env);
  const benchDatabaseUrl = r.url('BENCH_DATABASE_URL', /^postgres(ql)?$/, 'must be a postgres:// URL');
  if (r.problems.length > 0) throw new ConfigError('Invalid configuration: BENCH_DATABASE_URL must be a postgres:// URL');
  return { benchDatabaseUrl };
}
