import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../src/db/client.js';
import { periodsSql } from '../../src/db/member-time-sql.js';
import { monthRange, weekRange } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// Zones with DST at midnight (Havana, Asunción, São Paulo, Santiago, Tehran, Cairo), half hours, 45 minutes, +14.
const zones = [
  'UTC', 'Europe/Paris', 'America/New_York', 'America/Sao_Paulo', 'America/Santiago', 'America/Havana', 'America/Asuncion',
  'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Tokyo', 'Asia/Tehran', 'Pacific/Chatham', 'Pacific/Kiritimati', 'Africa/Cairo',
];
const MINUTE = 60_000;

// PGlite's bundled tz data keeps Havana on summer time from Nov 2026 to Mar 2027 (PostgreSQL's does not):
// a defect of that data, left out here so the rest of Havana is still checked on PGlite.
const pgliteTzdataGap = (zone: string, instant: Date) =>
  !usingPostgres() && zone === 'America/Havana' && instant >= new Date('2026-09-25T00:00:00Z') && instant < new Date('2027-04-10T00:00:00Z');

/** Instants around every clock change of 2018–2027, every local month and week end of 2026–2027, and a seeded spread. */
function instantsFor(zone: string): Date[] {
  const out: number[] = [];
  let at = Temporal.Instant.from('2018-01-01T00:00:00Z').toZonedDateTimeISO(zone);
  for (let i = 0; i < 40; i++) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.year > 2027) break;
    for (const d of [-60, -1, 0, 1, 60]) out.push(next.epochMilliseconds + d * MINUTE);
    at = next;
  }
  for (let m = 0; m < 24; m++) {
    const month = monthRange(zone, new Date(Date.UTC(2026, m, 15)));
    const week = weekRange(zone, new Date(Date.UTC(2026, m, 15)));
    for (const edge of [month.end, week.end]) for (const d of [-1, 0, 1]) out.push(edge.getTime() + d * MINUTE);
  }
  let seed = 7;
  for (let i = 0; i < 60; i++) {
    seed = (seed * 48_271) % 2_147_483_647;
    out.push(Date.UTC(2018, 0, 1) + (seed % (10 * 365 * 1440)) * MINUTE);
  }
  return out.map((ms) => new Date(ms));
}

describe(`the week and month computed in SQL on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(zones)('agree with weekRange and monthRange in %s, across clock changes and month ends', async (zone) => {
    const instants = instantsFor(zone).filter((i) => !pgliteTzdataGap(zone, i));
    const values = sql.join(instants.map((i) => sql`(${i.toISOString()}::timestamptz)`), sql`, `);
    const result = await database.db.execute(sql`select x.at, p.* from (values ${values}) x(at)
      cross join lateral ${periodsSql(sql`${zone}::text`, sql`x.at`)} p`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, Date | string>[];
    const ms = (value: Date | string | undefined) => new Date(value ?? NaN).getTime();
    const fromSql = rows.map((r) => [r.at, r.week_start, r.week_end, r.month_start, r.month_end].map(ms));
    const fromDomain = instants.map((i) => {
      const [week, month] = [weekRange(zone, i), monthRange(zone, i)];
      return [i, week.start, week.end, month.start, month.end].map((d) => d.getTime());
    });
    expect(fromSql).toEqual(fromDomain);
  });
});
