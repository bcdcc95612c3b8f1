import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { ensureMember } from '../../src/db/members.js';
import { wins } from '../../src/db/schema.js';
import { winCountsByLocalDay } from '../../src/db/stats.js';
import { formatLocalDate, localDateOf, startOfLocalDay } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
const member = { guildId: '300', userId: '3' };
const zones = ['America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Africa/Casablanca', 'UTC'];

describe(`wins per local day on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  const instants: Date[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureMember(database.db, member, now);
    // Around every zone's midnights and DST changes of a year: a millisecond either side of each local midnight.
    for (const zone of zones) {
      for (let day = 0; day < 365; day += 9) {
        const midnight = startOfLocalDay(zone, localDateOf(zone, new Date(Date.UTC(2026, 0, 1) + day * 86_400_000)));
        instants.push(new Date(midnight.getTime() - 1), midnight, new Date(midnight.getTime() + 999));
      }
    }
    await database.db.insert(wins).values(instants.map((occurredAt, i) => ({ ...member, text: `w${i}`, occurredAt, createdAt: occurredAt })));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts each win on its own local day, even a millisecond before or after midnight, in every zone', async () => {
    for (const zone of zones) {
      const expected = new Map<string, number>();
      for (const instant of instants) {
        const day = formatLocalDate(localDateOf(zone, instant));
        expected.set(day, (expected.get(day) ?? 0) + 1);
      }
      const counted = await winCountsByLocalDay(database.db, member, null, zone);
      expect(new Map([...counted].sort())).toEqual(new Map([...expected].sort()));
    }
  });

  it('counts nothing for a member without wins, and only the range asked for', async () => {
    expect(await winCountsByLocalDay(database.db, { guildId: '300', userId: 'nobody' }, null, 'UTC')).toEqual(new Map());
    const range = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };
    const counted = await winCountsByLocalDay(database.db, member, range, 'UTC');
    const inRange = instants.filter((i) => i >= range.start && i < range.end).length;
    expect([...counted.values()].reduce((a, b) => a + b, 0)).toBe(inRange);
    expect(inRange).toBeGreaterThan(0);
  });
});
