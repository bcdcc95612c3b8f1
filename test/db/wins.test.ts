import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { ensureMember, setMemberTimezone } from '../../src/db/members.js';
import { timezoneOf as memberTimezone } from '../../src/features/member-time.js';
import { guilds, members, wins } from '../../src/db/schema.js';
import { countMemberWins, listMemberWins, recordWin } from '../support/wins.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
const alice = { guildId: '100', userId: '1' };
const bob = { guildId: '100', userId: '2' };
const aliceElsewhere = { guildId: '200', userId: '1' };

describe(`wins on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates the server and the member on their first win, and keeps the text exactly', async () => {
    const text = '**bold** `code` <@&5> @everyone — ünïcødé 🌱';
    const win = await recordWin(database.db, { ...alice, text, isPrivate: false, occurredAt: now }, now);
    expect(win.id).toBeGreaterThan(0);
    expect(win.text).toBe(text);
    expect(win.occurredAt.toISOString()).toBe(now.toISOString());
    expect(await database.db.select().from(guilds).where(eq(guilds.id, '100'))).toHaveLength(1);
    expect(await database.db.select().from(members).where(eq(members.userId, '1'))).toHaveLength(1);
  });

  it('counts one member’s wins in a range, never another member’s or another server’s', async () => {
    const monday = new Date('2026-11-23T00:00:00Z');
    const nextMonday = new Date('2026-11-30T00:00:00Z');
    await recordWin(database.db, { ...alice, text: 'private one', isPrivate: true, occurredAt: new Date('2026-11-24T10:00:00Z') }, now);
    await recordWin(database.db, { ...alice, text: 'last week', isPrivate: false, occurredAt: new Date('2026-11-22T23:59:59Z') }, now);
    await recordWin(database.db, { ...alice, text: 'next week', isPrivate: false, occurredAt: nextMonday }, now);
    await recordWin(database.db, { ...bob, text: 'bob', isPrivate: false, occurredAt: now }, now);
    await recordWin(database.db, { ...aliceElsewhere, text: 'other server', isPrivate: false, occurredAt: now }, now);

    const week = { start: monday, end: nextMonday };
    expect(await countMemberWins(database.db, alice, week, { includePrivate: true })).toBe(2);
    expect(await countMemberWins(database.db, alice, week, { includePrivate: false })).toBe(1);
    expect(await countMemberWins(database.db, alice, null, { includePrivate: true })).toBe(4);
    expect(await countMemberWins(database.db, bob, week, { includePrivate: true })).toBe(1);
    expect(await countMemberWins(database.db, aliceElsewhere, null, { includePrivate: true })).toBe(1);
  });

  it('uses the member’s timezone, else the server’s, else UTC', async () => {
    const key = { guildId: '300', userId: '9' };
    expect(await memberTimezone(database.db, key)).toBe('UTC');
    await ensureMember(database.db, key, now);
    await database.db.update(guilds).set({ timezone: 'Europe/Paris' }).where(eq(guilds.id, '300'));
    expect(await memberTimezone(database.db, key)).toBe('Europe/Paris');
    await setMemberTimezone(database.db, key, 'Asia/Kathmandu', now);
    expect(await memberTimezone(database.db, key)).toBe('Asia/Kathmandu');
    expect(await memberTimezone(database.db, { guildId: '300', userId: '10' })).toBe('Europe/Paris');
  });

  it('leaves nothing half-written when saving a win fails', async () => {
    const first = { guildId: '400', userId: '1' };
    const second = { guildId: '400', userId: '2' };
    await recordWin(database.db, { ...first, text: 'from a message', isPrivate: false, occurredAt: now, source: 'message', sourceMessageId: '77' }, now);
    await expect(
      recordWin(database.db, { ...second, text: 'same message again', isPrivate: false, occurredAt: now, source: 'message', sourceMessageId: '77' }, now),
    ).rejects.toThrow();
    // The member row created inside the failed transaction is gone too.
    expect(await database.db.select().from(members).where(eq(members.guildId, '400'))).toHaveLength(1);
    expect(await listMemberWins(database.db, second)).toEqual([]);
    expect(await database.db.select().from(wins).where(eq(wins.guildId, '400'))).toHaveLength(1);
  });
});
