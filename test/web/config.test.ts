import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const secret = 'a'.repeat(32);

describe('the web view settings', () => {
  it('leaves the web view off when none of its variables is set', () => {
    expect(loadConfig({}).webView).toBeUndefined();
  });

  it('turns it on with all three, trimming a trailing slash from PUBLIC_URL', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://wins.example.org/', DISCORD_CLIENT_SECRET: 'cs', SESSION_SECRET: secret });
    expect(config.webView).toEqual({ publicUrl: 'https://wins.example.org', clientSecret: 'cs', sessionSecret: secret });
  });

  it('refuses a partial set, naming the missing variables and never the values', () => {
    const attempt = () => loadConfig({ PUBLIC_URL: 'https://wins.example.org', DISCORD_CLIENT_SECRET: 'hush-hush' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/missing SESSION_SECRET$/);
    expect(attempt).not.toThrow(/hush-hush/);
  });

  it('refuses a short session secret and a PUBLIC_URL that is not http(s)', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'https://x.org', DISCORD_CLIENT_SECRET: 'cs', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x.org', DISCORD_CLIENT_SECRET: 'cs', SESSION_SECRET: secret })).toThrow(/PUBLIC_URL must be an http/);
  });
});
