import { z } from 'zod';
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
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(logLevels).default('info')),
  HTTP_PORT: z.preprocess(emptyAsUndefined, z.coerce.number({ error: 'must be a port number (0–65535)' }).int().min(0).max(65535).optional()),
  ...webViewEnv,
});

export interface Config {
  /** Unset: the bot starts the local sandbox instead of connecting to Discord. */
  discordToken: string | undefined;
  applicationId: string | undefined;
  discordApiUrl: string;
  devGuildId: string | undefined;
  /** Unset: embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: (typeof logLevels)[number];
  httpPort: number | undefined;
  /** Unset: no web view (SPEC §10). */
  webView: WebViewConfig | undefined;
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
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    httpPort: e.HTTP_PORT,
    webView,
  };
}

/** Test-only settings: which PostgreSQL server the database tests use (PGlite when unset). */
export function loadTestSettings(env: NodeJS.ProcessEnv = process.env): { testDatabaseUrl: string | undefined } {
  const url = z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()).safeParse(env.TEST_DATABASE_URL);
  if (!url.success) throw new ConfigError('Invalid configuration: TEST_DATABASE_URL must be a postgres:// URL');
  return { testDatabaseUrl: url.data };
}

/** Benchmark-only settings: PostgreSQL server for `npm run bench` (PGlite in memory when unset). */
export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): { benchDatabaseUrl: string | undefined } {
  const url = z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()).safeParse(env.BENCH_DATABASE_URL);
  if (!url.success) throw new ConfigError('Invalid configuration: BENCH_DATABASE_URL must be a postgres:// URL');
  return { benchDatabaseUrl: url.data };
}
