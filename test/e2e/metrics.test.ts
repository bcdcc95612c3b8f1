import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { createMetrics } from '../../src/metrics.js';
import { startObservability } from '../../src/observability.js';
import { usingPostgres } from '../support/database.js';
import { startHarness, type Harness } from '../support/harness.js';
import { sweepForLeaks } from '../support/privacy-sweep.js';
import { parseExposition, type Sample } from '../support/prometheus-text.js';

// Wednesday; the recap is set for Monday 09:00 UTC, so moving the clock there posts one.
const start = '2026-11-25T12:00:00Z';
const promtool = ['/usr/bin/promtool', '/usr/local/bin/promtool'].find((path) => existsSync(path));

describe('health and Prometheus metrics over HTTP', () => {
  let h: Harness;
  let http: Server;
  let scheduler: Scheduler;
  let base: string;
  const metrics = createMetrics();
  let databaseCut = false;

  beforeAll(async () => {
    h = await startHarness(start, { onInteraction: metrics.observeInteraction });
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }), observer: metrics.jobObserver });
    http = await startObservability({ port: 0, metrics, bot: h.bot, database: h.database, logger: pino({ level: 'silent' }) });
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    http?.close();
    await scheduler?.stop();
    if (databaseCut) {
      await h?.bot.stop();
      await h?.sandbox.close();
    } else await h?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    if (promtool) execFileSync(promtool, ['check', 'metrics'], { input: text });
    return parseExposition(text);
  };
  const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

  it('answers /healthz with 200 while the database and the gateway are up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', failing: [], checks: { database: true, gateway: true } });
  });

  it('counts interactions by command and outcome, times them, and reports the gateway and process', async () => {
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'shipped the metrics' } });
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'and one more' } });
    // An interaction is counted once its handling ends, a moment after the member sees the answer.
    await h.sandbox.idle();
    const { samples, types } = await scrape();

    expect(find(samples, 'small_wins_interactions_total', { command: 'win', outcome: 'ok' })?.value).toBe(2);
    expect(types.get('small_wins_interactions_total')).toBe('counter');
    expect(find(samples, 'small_wins_interaction_duration_seconds_count', { command: 'win' })?.value).toBe(2);
    expect(types.get('small_wins_interaction_duration_seconds')).toBe('histogram');
    expect(find(samples, 'small_wins_gateway_shard_up', { shard: '0' })?.value).toBe(1);
    expect(find(samples, 'small_wins_guilds')?.value).toBe(h.bot.gateway?.guildIds().length);
    expect(find(samples, 'process_resident_memory_bytes')?.value).toBeGreaterThan(0);
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(find(samples, 'nodejs_eventloop_lag_seconds')?.name).toBe('nodejs_eventloop_lag_seconds');
    if (usingPostgres()) {
      expect(find(samples, 'small_wins_database_connections', { state: 'max' })?.value).toBe(10);
      expect(find(samples, 'small_wins_database_connections', { state: 'open' })?.value).toBeGreaterThanOrEqual(1);
    }
  });

  it('counts recap posts by outcome and how late the recap was claimed', async () => {
    await h.sandbox.chatInput('ada', {
      name: 'config',
      subcommand: 'recap',
      options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' },
    });
    // Not started, so no catch-up tick at the due minute: the first tick comes two minutes late.
    h.clock.set('2026-11-30T09:02:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    const { samples } = await scrape();
    expect(find(samples, 'small_wins_recap_posts_total', { outcome: 'posted' })?.value).toBe(1);
    expect(find(samples, 'small_wins_scheduler_lag_seconds_count', { job: 'recaps' })?.value).toBe(1);
    expect(find(samples, 'small_wins_scheduler_lag_seconds_sum', { job: 'recaps' })?.value).toBe(120);
  });

  it('answers /healthz with 503 naming the database when the database is cut', async () => {
    const leaks = await sweepForLeaks(h.database.db, h.sandbox.allMessages());
    expect(leaks).toEqual([]);
    await scheduler.stop();
    await h.database.cut();
    databaseCut = true;
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unhealthy', failing: ['database'], checks: { database: false, gateway: true } });
    const { samples } = await scrape();
    expect(find(samples, 'small_wins_database_errors_total', { source: 'health' })?.value).toBeGreaterThanOrEqual(1);
  });
});
