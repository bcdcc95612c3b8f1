import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database } from '../../src/db/client.js';
import { FLOOD_LIMITS } from '../../src/domain/flood.js';
import { createMetrics } from '../../src/metrics.js';
import { startObservability } from '../../src/observability.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { usingPostgres } from '../support/database.js';
import type { FaultProxy } from '../support/fault-proxy.js';
import { startHarness, type Harness } from '../support/harness.js';

const start = '2026-11-25T12:00:00Z';
const members = ['alice', 'bob', 'ada'];
const timeouts = { connectSeconds: 2, statementMs: 1_500 };

// SPEC §7: a connection that goes silent (a dead route: no RST, no FIN) is dropped and replaced within
// seconds by the client itself; the server's statement_timeout cannot fire for a query that never arrived.
describe.skipIf(!usingPostgres())('when the pooled connections go silent (PostgreSQL through a black-holing proxy)', () => {
  let h: Harness;
  let proxy: FaultProxy;
  // The health check's own pool through the same proxy (the bot's pool is the harness's).
  let proxied: Database;
  let http: Server;
  let healthz: () => Promise<number>;
  let healthChecks: () => Promise<{ status: number; checks: Record<string, boolean> }>;

  beforeAll(async () => {
    h = await startHarness(start, { throughProxy: timeouts, safetyNet: { giveUpAfterMs: 6_000 }, sandbox: { deferTimeoutMs: 15_000 } });
    if (!h.proxy) throw new Error('the harness made no proxy');
    proxy = h.proxy;
    proxied = await openPostgres(proxy.url, pino({ level: 'silent' }), 3, timeouts);
    http = await startObservability({ port: 0, host: '127.0.0.1', metrics: createMetrics(), bot: h.bot, database: proxied, logger: pino({ level: 'silent' }) });
    const port = (http.address() as AddressInfo).port;
    healthz = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
    healthChecks = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: response.status, checks: ((await response.json()) as { checks: Record<string, boolean> }).checks };
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    await proxied?.close();
    await h?.close();
  });

  const win = (i: number, text: string) => h.sandbox.chatInput(members[i % 3] ?? 'alice', { name: 'win', options: { text } });

  it('answers /win clearly, opens new connections within seconds, and /healthz recovers', async () => {
    // Fill the pool: ten wins at once open (up to) ten connections.
    const warm = await Promise.all(Array.from({ length: 10 }, (_, i) => win(i, `before the dead route ${i}`)));
    expect(warm.every((r, i) => acknowledgedWin(r, `before the dead route ${i}`))).toBe(true);
    const acceptedBefore = proxy.accepted;

    proxy.blackHole();
    const startedAt = Date.now();
    h.clock.advance(FLOOD_LIMITS.burst.perMs);
    const during = await Promise.all(Array.from({ length: 6 }, (_, i) => win(i, `on the dead route ${i}`)));
    // Deferred answers are edited in place; each member is told something clear, within the safety net's time.
    for (const result of during) {
      expect(result.failed).toBe(false);
      await vi.waitFor(() => expect(answerText(result)).toMatch(/on the dead route|very slow to answer|may have saved it|couldn't reach my notebook/), { timeout: 10_000 });
    }
    // The silent connections were replaced: new ones were opened, and a member's next win is saved.
    let attempt = 0;
    await vi.waitFor(async () => {
      h.clock.advance(FLOOD_LIMITS.burst.perMs);
      const text = `after the dead route, try ${++attempt}`;
      expect(acknowledgedWin(await win(0, text), text)).toBe(true);
    }, { timeout: 15_000, interval: 200 });
    expect(proxy.accepted).toBeGreaterThan(acceptedBefore);
    await vi.waitFor(async () => expect(await healthz()).toBe(200), { timeout: 10_000, interval: 250 });
    expect(Date.now() - startedAt).toBeLessThan(20_000);
  }, 60_000);

  it('answers the health check on the first try after PostgreSQL ended every connection', async () => {
    const admin = postgres(h.database.url ?? '', { max: 1, onnotice: () => {} });
    try {
      const database = new URL(h.database.url ?? '').pathname.slice(1);
      for (let round = 0; round < 30; round++) {
        await Promise.all(Array.from({ length: 4 }, () => proxied.ping()));
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
        // The database check is what this is about (the gateway check is the sandbox's, under CI's load).
        expect((await healthChecks()).checks).toMatchObject({ database: true });
      }
    } finally {
      await admin.end();
    }
  }, 30_000);
});
