// Run by hand: `npx tsx bench/web-pages.ts` (PGlite in memory).
// Server time of the web view's pages for a member with 5,000 wins, through the whole hono app (session, queries, HTML).
import { PGlite } from '@electric-sql/pglite';
import { generateSignedCookie } from 'hono/cookie';
import pino from 'pino';
import { ManualClock } from '../src/clock.js';
import { wrapPglite } from '../src/db/client.js';
import { ensureMember } from '../src/db/members.js';
import { wins } from '../src/db/schema.js';
import { createWebSession } from '../src/db/web-sessions.js';
import { createWebApp } from '../src/web/app.js';
import { ManageCache } from '../src/web/guard.js';
import { memoryWebLimits } from '../src/web/rate-limits.js';
import { SESSION_COOKIE } from '../src/web/session.js';

const now = new Date('2026-11-26T15:00:00Z');
const key = { guildId: '100', userId: '200' };
const secret = 'x'.repeat(32);
const database = await wrapPglite(new PGlite());
await ensureMember(database.db, key, now);
await ensureMember(database.db, { ...key, userId: '201' }, now);
const rows = Array.from({ length: 10_000 }, (_, i) => {
  const occurredAt = new Date(now.getTime() - Math.floor(i / 2) * 3_600_000 * 9);
  return { guildId: key.guildId, userId: i % 2 ? '200' : '201', text: `win number ${i} with a few words`, isPrivate: i % 7 === 0, occurredAt, createdAt: occurredAt };
});
for (let i = 0; i < rows.length; i += 500) await database.db.insert(wins).values(rows.slice(i, i + 500));

const manageCache = new ManageCache(Number.POSITIVE_INFINITY);
manageCache.set('bench-session', [{ id: key.guildId, name: 'Bench', manage: true }], now);
const app = createWebApp({
  db: database.db,
  clock: new ManualClock(now),
  logger: pino({ level: 'silent' }),
  web: { publicUrl: 'http://127.0.0.1', clientSecret: 'x', sessionSecret: secret },
  discordApiUrl: 'http://127.0.0.1/api',
  clientId: '1',
  // A bench stand-in for the bot's view of Discord: one server, one channel.
  bot: { inGuild: (id) => id === key.guildId, textChannels: () => [{ id: '300', name: 'wins' }], memberName: () => 'someone', removeCelebration: () => Promise.resolve('already-gone' as const),
    roleConnections: { registerMetadata: () => Promise.resolve(), push: () => Promise.resolve('set' as const), clear: () => Promise.resolve('set' as const) } },
  limits: memoryWebLimits(),
  // Discord's answer on Manage Server, known ahead (the bench has no Discord to ask).
  manageCache,
});
await createWebSession(database.db, {
  id: 'bench-session', userId: key.userId, username: 'Bench', guilds: [{ id: key.guildId, name: 'Bench', manage: true }],
  accessToken: 't', csrfToken: 'c', createdAt: now, expiresAt: new Date(now.getTime() + 3_600_000),
});
const cookie = (await generateSignedCookie(SESSION_COOKIE, 'bench-session', secret)).split(';')[0] ?? '';

console.log('PGlite (in memory), 5,000 wins of the member among 10,000, ms per request (server time)');
for (const path of ['/g/100', '/g/100/wins', '/g/100/wins?page=250', '/g/100/wins?q=number%2049&show=public', '/g/100/settings', '/g/100/admin']) {
  const get = async (): Promise<number> => {
    const response = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
    await response.text();
    return response.status;
  };
  const status = await get();
  const runs = 20;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await get();
  console.log(path.padEnd(44), String(status).padStart(4), `${((performance.now() - started) / runs).toFixed(1)} ms`.padStart(10));
}
await database.close();
