// A namespace import, so the production bundle keeps only the parts of zod it uses (not its 64 locales).
import * as z from 'zod';
import { webViewEnv, webViewOf, type WebViewConfig } from './config-web.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only)');
const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const envSchema = z.object({
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  DISCORD_APPLICATION_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).default('https://discord.com/api'),
  ),
  DEV_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  DATABASE_POOL_SIZE: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a whole number of connections (1–100)' }).int().min(1).max(100).default(10)),
  DATABASE_PREPARE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false'], { error: 'must be true or false' }).default('true')),
  DATABASE_MIGRATION_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(logLevels).default('info')),
  // Every interface by default (a container's port mapping needs it); 127.0.0.1 keeps health, metrics and the web view local.
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.union([z.ipv4(), z.ipv6(), z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i)], { error: 'must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0' }).default('0.0.0.0')),
  HTTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a port number (0–65535)' }).int().min(0).max(65535).optional()),
  SHARD_COUNT: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a whole number of shards (1 or more)' }).int().min(1).optional()),
  SHARD_IDS: z.preprocess(
    emptyAsUndefined,
    z.string().regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, 'must be shard numbers separated by commas, such as 0,1').optional(),
  ),
  GATEWAY: z.preprocess(emptyAsUndefined, z.enum(['on', 'off'], { error: 'must be on or off' }).default('on')),
  DISCORD_PUBLIC_KEY: z.preprocess(emptyAsUndefined, z.string().regex(/^[0-9a-f]{64}$/i, 'must be the 64 hex digits of the Public Key on the Developer Portal').optional()),
  ...webViewEnv,
}).superRefine((e, ctx) => {
  if (e.DISCORD_PUBLIC_KEY !== undefined && e.HTTP_PORT === undefined)
    ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'needs HTTP_PORT (the interactions endpoint is served there)' });
  if (e.GATEWAY === 'off' && e.DISCORD_PUBLIC_KEY === undefined)
    ctx.addIssue({ code: 'custom', path: ['GATEWAY'], message: 'off needs DISCORD_PUBLIC_KEY and HTTP_PORT (with no gateway, interactions arrive over HTTP)' });
  if (e.SHARD_IDS === undefined) return;
  if (e.SHARD_COUNT === undefined) ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'needs SHARD_COUNT (the total number of shards of all processes)' });
  else if (parseShardIds(e.SHARD_IDS).some((id) => id >= (e.SHARD_COUNT ?? 0)))
    ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'must be below SHARD_COUNT (shards are numbered from 0)' });
});

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
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
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
  const url = z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()).safeParse(env.TEST_DATABASE_URL);
  if (!url.success) throw new ConfigError('Invalid configuration: TEST_DATABASE_URL must be a postgres:// URL');
  return { testDatabaseUrl: url.data };
}

/** `node dist/src/rest-proxy.js`: PROXY_PORT (default 8080), PROXY_HOST (0.0.0.0), DISCORD_API_URL as upstream. */
export function loadProxySettings(env: NodeJS.ProcessEnv = process.env): { port: number; host: string; upstream: string } {
  const port = z.coerce.number().int().min(1).max(65535).default(8080).safeParse(emptyAsUndefined(env.PROXY_PORT));
  if (!port.success) throw new ConfigError('Invalid configuration: PROXY_PORT must be a port number');
  const upstream = z.url().default('https://discord.com/api').safeParse(emptyAsUndefined(env.DISCORD_API_URL));
  if (!upstream.success) throw new ConfigError('Invalid configuration: DISCORD_API_URL must be an http(s) URL');
  return { port: port.data, host: (emptyAsUndefined(env.PROXY_HOST) as string | undefined) ?? '0.0.0.0', upstream: upstream.data.replace(/\/+$/, '') };
}

/** Benchmark-only settings: PostgreSQL server for `npm run bench` (PGlite in memory when unset). */
export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): { benchDatabaseUrl: string | undefined } {
  const url = z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()).safeParse(env.BENCH_DATABASE_URL);
  if (!url.success) throw new ConfigError('Invalid configuration: BENCH_DATABASE_URL must be a postgres:// URL');
  return { benchDatabaseUrl: url.data };
}
