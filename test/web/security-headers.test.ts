import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botDirectory } from '../../src/discord/web-directory.js';
import { createWebApp } from '../../src/web/app.js';
import { ManageCache } from '../../src/web/guard.js';
import { memoryWebLimits } from '../../src/web/rate-limits.js';
import { startHarness, type Harness } from '../support/harness.js';

describe('the web view behind https', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('2026-11-25T12:00:00Z');
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const appAt = (publicUrl: string) =>
    createWebApp({
      db: h.database.db,
      clock: h.clock,
      limits: memoryWebLimits(),
      manageCache: new ManageCache(),
      logger: pino({ level: 'silent' }),
      web: { publicUrl, clientSecret: 'client-secret', sessionSecret: 'a'.repeat(64) },
      discordApiUrl: h.sandbox.apiUrl,
      clientId: h.sandbox.applicationId,
      bot: botDirectory(h.bot),
    });

  it('tells browsers to use https only (HSTS) when PUBLIC_URL is https, on every page', async () => {
    const app = appAt('https://wins.example.org');
    for (const path of ['/', '/auth/login', '/no-such-page']) {
      expect((await app.request(`https://wins.example.org${path}`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });

  it('sends no HSTS on plain http (a local or sandbox web view)', async () => {
    const response = await appAt('http://127.0.0.1:8080').request('http://127.0.0.1:8080/');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});
