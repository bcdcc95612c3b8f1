import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { shardOptions } from '../src/discord/client.js';

describe('configuration from the environment', () => {
  it('runs the sandbox on the embedded database when nothing is set', () => {
    expect(loadConfig({})).toMatchObject({
      discordToken: undefined,
      databaseUrl: undefined,
      dataDir: './data',
      discordApiUrl: 'https://discord.com/api',
      logLevel: 'info',
    });
  });

  it('takes the variables of SPEC §8, trimming a trailing slash from the API URL', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'x',
      DISCORD_API_URL: 'http://127.0.0.1:4000/api/',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/db',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DEV_GUILD_ID: '223456789012345678',
      LOG_LEVEL: 'debug',
      HTTP_PORT: '8080',
    });
    expect(config).toMatchObject({ discordToken: 'x', discordApiUrl: 'http://127.0.0.1:4000/api', httpPort: 8080, logLevel: 'debug' });
  });

  it('serves the interactions endpoint with DISCORD_PUBLIC_KEY, which needs HTTP_PORT and the portal\'s 64 hex digits', () => {
    const key = 'AB'.repeat(32);
    expect(loadConfig({})).toMatchObject({ discordPublicKey: undefined });
    expect(loadConfig({ DISCORD_PUBLIC_KEY: key, HTTP_PORT: '8080' })).toMatchObject({ discordPublicKey: key.toLowerCase() });
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: key })).toThrow('DISCORD_PUBLIC_KEY needs HTTP_PORT');
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'abc', HTTP_PORT: '8080' })).toThrow('DISCORD_PUBLIC_KEY must be the 64 hex digits');
  });

  it('chooses gateway shards: Discord\'s recommendation by default, all of SHARD_COUNT, or SHARD_IDS of it', () => {
    expect(loadConfig({})).toMatchObject({ shardCount: undefined, shardIds: undefined });
    expect(loadConfig({ SHARD_COUNT: '4' })).toMatchObject({ shardCount: 4, shardIds: undefined });
    expect(loadConfig({ SHARD_COUNT: '4', SHARD_IDS: '2, 3,2' })).toMatchObject({ shardCount: 4, shardIds: [2, 3] });
    expect(shardOptions(loadConfig({}))).toEqual({ shards: 'auto' });
    expect(shardOptions(loadConfig({ SHARD_COUNT: '3' }))).toEqual({ shards: [0, 1, 2], shardCount: 3 });
    expect(shardOptions(loadConfig({ SHARD_COUNT: '4', SHARD_IDS: '1' }))).toEqual({ shards: [1], shardCount: 4 });
    expect(() => loadConfig({ SHARD_IDS: '0,1' })).toThrow('SHARD_IDS needs SHARD_COUNT');
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: '0,2' })).toThrow('SHARD_IDS must be below SHARD_COUNT');
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: 'one' })).toThrow('SHARD_IDS must be shard numbers separated by commas');
    expect(() => loadConfig({ SHARD_COUNT: '0' })).toThrow('SHARD_COUNT must be a whole number of shards');
  });

  it('sizes the PostgreSQL pool and turns prepared statements off for a transaction-mode pooler', () => {
    expect(loadConfig({})).toMatchObject({ databasePoolSize: 10, databasePrepare: true, databaseMigrationUrl: undefined });
    const pooled = loadConfig({ DATABASE_POOL_SIZE: '4', DATABASE_PREPARE: 'false', DATABASE_MIGRATION_URL: 'postgres://u@db:5432/w' });
    expect(pooled).toMatchObject({ databasePoolSize: 4, databasePrepare: false, databaseMigrationUrl: 'postgres://u@db:5432/w' });
    expect(() => loadConfig({ DATABASE_PREPARE: 'no' })).toThrow('DATABASE_PREPARE must be true or false');
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE must be a whole number of connections');
  });

  it('listens on every interface unless HTTP_HOST names one, and refuses a value that is not an address', () => {
    expect(loadConfig({})).toMatchObject({ httpHost: '0.0.0.0' });
    expect(loadConfig({ HTTP_HOST: '127.0.0.1' })).toMatchObject({ httpHost: '127.0.0.1' });
    expect(loadConfig({ HTTP_HOST: '::1' })).toMatchObject({ httpHost: '::1' });
    expect(loadConfig({ HTTP_HOST: 'localhost' })).toMatchObject({ httpHost: 'localhost' });
    expect(() => loadConfig({ HTTP_HOST: 'http://127.0.0.1:8080' })).toThrow('HTTP_HOST must be an IP address or a host name');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DATABASE_URL: ' ' })).toMatchObject({ discordToken: undefined, databaseUrl: undefined });
  });

  it('stops with one line naming each bad variable, never echoing a value', () => {
    const secret = 'mysql://admin:hunter2@db/x';
    let error: unknown;
    try {
      loadConfig({ DISCORD_TOKEN: 'tok-secret-123', DATABASE_URL: secret, HTTP_PORT: '99999', LOG_LEVEL: 'loud', DISCORD_API_URL: 'ftp://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = String((error as Error).message);
    expect(message.split('\n')).toHaveLength(1);
    for (const name of ['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL', 'DISCORD_API_URL']) expect(message).toContain(name);
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('tok-secret-123');
  });
});
