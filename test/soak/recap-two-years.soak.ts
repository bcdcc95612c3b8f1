import { and, isNotNull, min } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { guilds } from '../../src/db/schema.js';
import { localDateTimeOf, weekKey } from '../../src/domain/time.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { createTestDatabase } from '../support/database.js';
import { configureRecap, jobDeps, MINUTE, recapsIn, runsOf, startRecapWorld } from '../jobs/support.js';

// 20 servers, each in its own zone, some at local times that a DST change skips or repeats.
const servers: { timezone: string; day: number; time: string }[] = [
  { timezone: 'Pacific/Chatham', day: 1, time: '02:45' },
  { timezone: 'Asia/Kathmandu', day: 1, time: '09:00' },
  { timezone: 'Australia/Lord_Howe', day: 7, time: '02:15' },
  { timezone: 'America/New_York', day: 7, time: '02:30' },
  { timezone: 'Europe/London', day: 7, time: '01:30' },
  { timezone: 'Europe/Paris', day: 1, time: '09:00' },
  { timezone: 'America/Santiago', day: 7, time: '00:00' },
  { timezone: 'Australia/Sydney', day: 7, time: '02:30' },
  { timezone: 'America/St_Johns', day: 5, time: '18:00' },
  { timezone: 'Asia/Kolkata', day: 3, time: '12:30' },
  { timezone: 'Asia/Tehran', day: 6, time: '08:00' },
  { timezone: 'Africa/Casablanca', day: 7, time: '02:30' },
  { timezone: 'Europe/Dublin', day: 7, time: '01:30' },
  { timezone: 'America/Los_Angeles', day: 1, time: '23:59' },
  { timezone: 'Pacific/Auckland', day: 7, time: '02:30' },
  { timezone: 'Pacific/Kiritimati', day: 2, time: '07:00' },
  { timezone: 'America/Havana', day: 7, time: '00:30' },
  { timezone: 'Asia/Gaza', day: 6, time: '01:30' },
  { timezone: 'UTC', day: 4, time: '00:00' },
  { timezone: 'Europe/Berlin', day: 7, time: '02:30' },
];
const start = '2026-01-01T00:00:00Z';
const WEEKS = 104;
const wallMinute = (zone: string, at: Date) => {
  const t = localDateTimeOf(zone, at);
  return t.hour * 60 + t.minute;
};

describe('two years of recaps, through the real job and the sandbox', () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof startRecapWorld>>;
  const channel = (i: number) => `server-${i}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await startRecapWorld(start, servers.map((_, i) => channel(i)));
    for (const [i, server] of servers.entries()) {
      await configureRecap(database.db, { id: `g${i}`, channelId: world.sandbox.channels[channel(i)]!, ...server }, new Date(start));
    }
  });
  afterAll(async () => {
    await world?.sandbox.close();
    await database?.close();
  });

  it('fires every server’s recap once a week at its local minute (or the first valid one), skipping no week', { timeout: 600_000 }, async () => {
    const deps = jobDeps(database.db, world.delivery);
    const end = new Date(Date.parse(start) + WEEKS * 7 * 86_400_000);
    for (;;) {
      const [next] = await database.db.select({ at: min(guilds.nextRecapAt) }).from(guilds).where(and(isNotNull(guilds.recapChannelId)));
      if (!next?.at || next.at > end) break;
      // The minute before is too early; the due minute and the one after together post once.
      await runRecaps(deps, new Date(next.at.getTime() - MINUTE));
      await runRecaps(deps, next.at);
      await runRecaps(deps, new Date(next.at.getTime() + MINUTE));
    }

    for (const [i, server] of servers.entries()) {
      const runs = await runsOf(database.db, `g${i}`);
      expect(runs.length, server.timezone).toBeGreaterThanOrEqual(WEEKS - 1);
      expect(runs.every((r) => r.status === 'posted'), server.timezone).toBe(true);
      expect(recapsIn(world.sandbox, channel(i)), server.timezone).toHaveLength(runs.length);
      const [hh, mm] = server.time.split(':').map(Number) as [number, number];
      for (const [k, run] of runs.entries()) {
        const local = localDateTimeOf(server.timezone, run.scheduledFor);
        expect(local.weekday, `${server.timezone} ${run.weekKey}`).toBe(server.day);
        // At the configured minute, or (in a DST gap) the first valid minute after it.
        const wanted = hh * 60 + mm;
        const got = wallMinute(server.timezone, run.scheduledFor);
        if (got !== wanted) {
          expect(got, `${server.timezone} ${run.scheduledFor.toISOString()}`).toBeGreaterThan(wanted);
          const minuteBefore = new Date(run.scheduledFor.getTime() - MINUTE);
          expect(wallMinute(server.timezone, minuteBefore) < wanted || localDateTimeOf(server.timezone, minuteBefore).weekday !== server.day).toBe(true);
        }
        // Consecutive weeks, none skipped, none twice.
        if (k > 0) {
          const previous = runs[k - 1]!;
          const gapDays = (run.scheduledFor.getTime() - previous.scheduledFor.getTime()) / 86_400_000;
          expect(gapDays, `${server.timezone} ${run.weekKey}`).toBeGreaterThan(6.9);
          expect(gapDays, `${server.timezone} ${run.weekKey}`).toBeLessThan(7.1);
          expect(run.weekKey).not.toBe(previous.weekKey);
        }
        // Claimed under the week it mostly reports: the one holding the middle of the seven days before it.
        expect(run.weekKey).toBe(weekKey(server.timezone, new Date(run.scheduledFor.getTime() - 3.5 * 86_400_000)));
      }
    }
    expect(world.sandbox.violations).toEqual([]);
  });
});
