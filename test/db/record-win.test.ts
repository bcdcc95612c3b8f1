import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { createGoal } from '../../src/db/goals.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { rawQueriesOf } from '../../src/db/raw-queries.js';
import { recordWinWithCounts, type WinWrite } from '../../src/db/record-win.js';
import { wins } from '../../src/db/schema.js';
import { monthRange, weekRange } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
let nextInteraction = 1;
const write = (key: { guildId: string; userId: string }, extra: Partial<WinWrite> = {}): WinWrite => ({
  ...key,
  text: 'a small thing',
  isPrivate: false,
  occurredAt: now,
  interactionId: String(nextInteraction++),
  ...extra,
});

describe(`recording a win in one statement on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the server and member, stores the win and counts it as the first', async () => {
    const key = { guildId: '10', userId: '1' };
    const saved = await recordWinWithCounts(database.db, write(key), now);
    expect(saved.created).toBe(true);
    expect(saved.timezone).toBe('UTC');
    expect(saved.counts).toEqual({ weekCount: 1, weekPublicCount: 1, firstEver: true, firstPublic: true, goal: undefined });
    const [row] = await database.db.select().from(wins).where(eq(wins.id, saved.id));
    expect(row?.text).toBe('a small thing');
  });

  it('remembers the member’s and the server’s languages in the same statement, once they are known', async () => {
    const key = { guildId: '11', userId: '1' };
    const localesOf = async () => {
      const rows = await database.db.execute(sql`select (select locale from members where guild_id = '11' and user_id = '1') as member, (select locale from guilds where id = '11') as guild`);
      const [row] = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { member: string | null; guild: string | null }[];
      return row;
    };
    // The first win makes the rows with them; a later one changes them only when they changed.
    await recordWinWithCounts(database.db, write(key, { locales: { member: 'ja', guild: 'de' } }), now);
    expect(await localesOf()).toEqual({ member: 'ja', guild: 'de' });
    // A win from elsewhere (a member's own install) brings no server language: the server's stays.
    await recordWinWithCounts(database.db, write(key, { locales: { member: 'fr', guild: null } }), now);
    expect(await localesOf()).toEqual({ member: 'fr', guild: 'de' });
  });

  it('counts private wins for the member and keeps them out of the public count', async () => {
    const key = { guildId: '10', userId: '2' };
    await recordWinWithCounts(database.db, write(key, { isPrivate: true }), now);
    const second = await recordWinWithCounts(database.db, write(key), now);
    expect(second.counts).toMatchObject({ weekCount: 2, weekPublicCount: 1, firstEver: false, firstPublic: true });
    const lastWeek = new Date('2026-11-20T12:00:00Z');
    const old = await recordWinWithCounts(database.db, write(key, { occurredAt: lastWeek }), now);
    expect(old.counts).toMatchObject({ weekCount: 1, weekPublicCount: 1, firstEver: false, firstPublic: false });
  });

  it('stores one win per interaction, answering a repeat with the same win and counts', async () => {
    const key = { guildId: '10', userId: '3' };
    const once = write(key);
    const first = await recordWinWithCounts(database.db, once, now);
    const again = await recordWinWithCounts(database.db, once, now);
    expect(again).toEqual({ ...first, created: false });
    expect(await database.db.select().from(wins).where(eq(wins.userId, '3'))).toHaveLength(1);
  });

  it('counts in the member’s own week, which the statement finds itself', async () => {
    const key = { guildId: '10', userId: '4' };
    await setMemberTimezone(database.db, key, 'Pacific/Kiritimati', now);
    // Sunday 23:30 UTC is Monday 13:30 in Kiritimati (UTC+14): a new week there, the same week in UTC.
    const sunday = new Date('2026-11-29T23:30:00Z');
    await recordWinWithCounts(database.db, write(key, { occurredAt: new Date('2026-11-29T08:00:00Z') }), now);
    const saved = await recordWinWithCounts(database.db, write(key, { occurredAt: sunday }), now);
    expect(saved.timezone).toBe('Pacific/Kiritimati');
    expect(saved.ranges).toEqual({ timezone: 'Pacific/Kiritimati', week: weekRange('Pacific/Kiritimati', sunday), month: monthRange('Pacific/Kiritimati', sunday) });
    expect(saved.counts).toMatchObject({ weekCount: 1, firstEver: false });
  });

  it('falls back to the server’s timezone, then UTC, and takes the one a caller already read', async () => {
    const key = { guildId: '11', userId: '1' };
    const first = await recordWinWithCounts(database.db, write(key), now);
    expect(first.ranges.week).toEqual(weekRange('UTC', now));
    await database.db.execute(sql`update guilds set timezone = 'America/Los_Angeles' where id = '11'`);
    expect((await recordWinWithCounts(database.db, write(key), now)).timezone).toBe('America/Los_Angeles');
    const given = await recordWinWithCounts(database.db, { ...write(key), timezone: 'Asia/Tokyo' }, now);
    expect(given.ranges.month).toEqual(monthRange('Asia/Tokyo', now));
  });

  it('answers the same through the driver’s own call and through drizzle (a transaction’s handle)', async () => {
    const key = { guildId: '10', userId: '8' };
    expect(rawQueriesOf(database.db)).toBeDefined();
    const direct = await recordWinWithCounts(database.db, write(key, { isPrivate: true }), now);
    const inTransaction = await database.db.transaction(async (tx) => {
      expect(rawQueriesOf(tx)).toBeUndefined();
      return recordWinWithCounts(tx, write(key), now);
    });
    expect(direct.counts).toEqual({ weekCount: 1, weekPublicCount: 0, firstEver: true, firstPublic: false, goal: undefined });
    expect(inTransaction.counts).toEqual({ weekCount: 2, weekPublicCount: 1, firstEver: false, firstPublic: true, goal: undefined });
    expect([typeof direct.id, direct.occurredAt, direct.ranges]).toEqual([typeof inTransaction.id, inTransaction.occurredAt, inTransaction.ranges]);
  });

  it('counts a goal’s wins in the period of the target it had when the win happened', async () => {
    const key = { guildId: '10', userId: '5' };
    const goal = await createGoal(database.db, key, { title: 'Run', target: 2, period: 'month', share: 'private' }, new Date('2026-11-01T00:00:00Z'), 10);
    if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    await recordWinWithCounts(database.db, write(key, { goalId: goal.id, occurredAt: new Date('2026-11-03T10:00:00Z'), isPrivate: true }), now);
    const saved = await recordWinWithCounts(database.db, write(key, { goalId: goal.id }), now);
    expect(saved.counts.goal).toEqual({ count: 2, publicCount: 1, target: 2, period: 'month' });
    expect(saved.counts.weekCount).toBe(1);
  });

  it('answers a repeated goal win with the same counts, the target it had then and no second row', async () => {
    const key = { guildId: '10', userId: '6' };
    const goal = await createGoal(database.db, key, { title: 'Read', target: 3, period: 'week', share: 'private' }, new Date('2026-11-01T00:00:00Z'), 10);
    if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    const once = write(key, { goalId: goal.id });
    const first = await recordWinWithCounts(database.db, once, now);
    expect(first.counts.goal).toEqual({ count: 1, publicCount: 1, target: 3, period: 'week' });
    expect(await recordWinWithCounts(database.db, once, now)).toEqual({ ...first, created: false });
  });
});
