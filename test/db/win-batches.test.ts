import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from '../../src/db/client.js';
import pino from 'pino';
import { openPostgres } from '../../src/db/client.js';
import { isDatabaseUnavailable, isUniqueViolation } from '../../src/db/errors.js';
import { recordMemberWin, rowsOf, SECOND_BATCH_AT, WinBatches, winBatchStatement, writeWinBatch, type BatchableWin } from '../../src/db/record-win.js';
import { wins } from '../../src/db/schema.js';
import { weekRange } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
let nextInteraction = 1;
const win = (guildId: string, userId: string, extra: Partial<BatchableWin> = {}): BatchableWin => ({
  guildId,
  userId,
  text: `win ${nextInteraction}`,
  isPrivate: false,
  occurredAt: now,
  interactionId: `batch-${nextInteraction++}`,
  ...extra,
});

describe(`plain wins written together on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores many members’ wins in one statement, each with its own counts, timezone and new rows', async () => {
    await recordMemberWin(database.db, win('b1', 'old', { isPrivate: true }), now);
    await database.db.execute(sql`update guilds set timezone = 'Asia/Tokyo' where id = 'b1'`);
    const results = await writeWinBatch(database.db, [
      { input: win('b1', 'old'), now },
      { input: win('b1', 'new'), now },
      { input: win('b2', 'fresh', { isPrivate: true }), now },
      { input: win('b1', 'given', { timezone: 'Europe/Paris' }), now },
    ]);
    if (results.some((r) => r instanceof Error)) throw results.find((r) => r instanceof Error);
    const [old, fresh, other, given] = results as Exclude<(typeof results)[number], Error>[];
    expect(old!.counts).toEqual({ weekCount: 2, weekPublicCount: 1, firstEver: false, firstPublic: true, goal: undefined });
    expect(fresh!.counts).toEqual({ weekCount: 1, weekPublicCount: 1, firstEver: true, firstPublic: true, goal: undefined });
    expect(other!.counts).toEqual({ weekCount: 1, weekPublicCount: 0, firstEver: true, firstPublic: false, goal: undefined });
    expect([old!.timezone, fresh!.timezone, other!.timezone, given!.timezone]).toEqual(['Asia/Tokyo', 'Asia/Tokyo', 'UTC', 'Europe/Paris']);
    expect(old!.ranges.week).toEqual(weekRange('Asia/Tokyo', now));
    // Ids follow the order the wins came in.
    expect([old!.id < fresh!.id, fresh!.id < other!.id, other!.id < given!.id]).toEqual([true, true, true]);
    expect(await database.db.select().from(wins).where(eq(wins.guildId, 'b2'))).toHaveLength(1);
  });

  it('stores any text a member can type: quotes, backslashes, new lines, emoji, and a lone surrogate as U+FFFD', async () => {
    const texts = ['say "hi" \\ {a,b} NULL', 'line one\nline two 🎉', 'half \ud83c of an emoji'];
    const results = await writeWinBatch(database.db, texts.map((text, i) => ({ input: win('b8', `t${i}`, { text }), now })));
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    const stored = rowsOf(await database.db.execute(sql`select text from wins where guild_id = 'b8' order by id`));
    expect(stored.map((r) => r.text)).toEqual([texts[0], texts[1], 'half \ufffd of an emoji']);
  });

  it('answers a repeated interaction with the first win, and remembers a changed language', async () => {
    const first = win('b3', 'm', { locales: { member: 'de', guild: 'de' } });
    await recordMemberWin(database.db, first, now);
    const results = await writeWinBatch(database.db, [
      { input: first, now },
      { input: win('b3', 'other'), now },
      { input: win('b3', 'm2', { locales: { member: 'ja', guild: null } }), now },
    ]);
    expect(results.map((r) => (r instanceof Error ? r.message : r.created))).toEqual([false, true, true]);
    const again = await writeWinBatch(database.db, [{ input: win('b3', 'm', { locales: { member: 'fr', guild: null } }), now }]);
    expect(again[0]).toMatchObject({ counts: { weekCount: 2 } });
    const locales = rowsOf(await database.db.execute(sql`select user_id, locale from members where guild_id = 'b3' order by user_id`));
    expect(locales.map((r) => [r.user_id, r.locale])).toEqual([
      ['m', 'fr'],
      ['m2', 'ja'],
      ['other', null],
    ]);
    expect(rowsOf(await database.db.execute(sql`select locale from guilds where id = 'b3'`))[0]?.locale).toBe('de');
  });

  it('under load, sends waiting wins together and counts each member’s wins in the order they came', async () => {
    const batches = new WinBatches(database.db);
    const members = ['a', 'b', 'c', 'd', 'e', 'f'];
    const writes = Array.from({ length: 30 }, (_, i) => {
      const userId = members[i % members.length]!;
      return batches.write(win('b4', userId, { isPrivate: i % 4 === 0 }), now).then((saved) => ({ userId, isPrivate: i % 4 === 0, saved }));
    });
    const results = await Promise.all(writes);
    // One statement goes at once; the other 29 wins waited for it and went in far fewer statements.
    expect(batches.sent.wins).toBe(30);
    expect(batches.sent.statements).toBeLessThan(15);
    for (const userId of members) {
      const mine = results.filter((r) => r.userId === userId);
      expect(mine.map((r) => r.saved.counts.weekCount)).toEqual([1, 2, 3, 4, 5]);
      expect(mine.map((r) => r.saved.counts.firstEver)).toEqual([true, false, false, false, false]);
      let publicSoFar = 0;
      for (const r of mine) {
        publicSoFar += r.isPrivate ? 0 : 1;
        expect(r.saved.counts.weekPublicCount).toBe(publicSoFar);
      }
    }
    const [count] = rowsOf(await database.db.execute(sql`select count(*)::int as n from wins where guild_id = 'b4'`));
    expect(count?.n).toBe(30);
  });

  it('sends a second statement while one is at the database only when a batch’s worth of wins can go in it', async () => {
    // The first win goes at once; fewer than SECOND_BATCH_AT behind it wait for it.
    const few = new WinBatches(database.db);
    await Promise.all(Array.from({ length: SECOND_BATCH_AT }, (_, i) => few.write(win('b9', `few${i}`), now)));
    expect(few.sent).toEqual({ statements: 2, wins: SECOND_BATCH_AT, mostAtOnce: 1 });
    // One more, and they go at once beside the first.
    const many = new WinBatches(database.db);
    await Promise.all(Array.from({ length: SECOND_BATCH_AT + 1 }, (_, i) => many.write(win('b9', `many${i}`), now)));
    expect(many.sent).toEqual({ statements: 2, wins: SECOND_BATCH_AT + 1, mostAtOnce: 2 });
    // A member's next win cannot go before their previous one is written, so it does not count towards a batch.
    const repeats = new WinBatches(database.db);
    const order = [0, ...Array.from({ length: SECOND_BATCH_AT }, (_, i) => i % (SECOND_BATCH_AT / 2))];
    const saved = await Promise.all(order.map((m) => repeats.write(win('b9', `repeat${m}`), now)));
    expect(repeats.sent.mostAtOnce).toBe(1);
    expect(saved.filter((_, i) => order[i] === 0).map((s) => s.counts.weekCount)).toEqual([1, 2, 3]);
  });

  it('writes a batch that fails again win by win, so only the bad win fails', async () => {
    // A message logged twice breaks the unique (server, message) index: the whole statement fails.
    await recordMemberWin(database.db, win('b5', 'x', { source: 'message', sourceMessageId: 'msg-1' }), now);
    const batches = new WinBatches(database.db);
    const ahead = [batches.write(win('b5', 'p'), now)];
    const queued = [
      batches.write(win('b5', 'q'), now),
      batches.write(win('b5', 'r'), now),
      batches.write(win('b5', 'y', { source: 'message', sourceMessageId: 'msg-1' }), now),
      batches.write(win('b5', 's'), now),
    ];
    const settled = await Promise.allSettled([...ahead, ...queued]);
    // One alone, the four waiting together, then those four again one by one.
    expect(batches.sent).toEqual({ statements: 6, wins: 9, mostAtOnce: 1 });
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((settled[3] as PromiseRejectedResult).reason)).toBe(true);
    const stored = rowsOf(await database.db.execute(sql`select user_id from wins where guild_id = 'b5' order by id`));
    expect(stored.map((r) => r.user_id)).toEqual(['x', 'p', 'q', 'r', 's']);
  });

  it.runIf(usingPostgres())('fails a whole batch at once when the database is too slow, without trying each win again', async () => {
    const slow = await openPostgres((database as Database & { url: string }).url, pino({ level: 'silent' }), 4, { connectSeconds: 5, statementMs: 300 });
    try {
      const batches = new WinBatches(slow.db);
      const settled = await database.db.transaction(async (tx) => {
        // Another transaction holds the table: every write waits past its statement timeout.
        await tx.execute(sql`lock table wins in exclusive mode`);
        return Promise.allSettled(['p', 'q', 'r', 's', 't'].map((userId) => batches.write(win('b7', userId), now)));
      });
      expect(settled.map((s) => s.status)).toEqual(Array(5).fill('rejected'));
      expect(settled.every((s) => isDatabaseUnavailable((s as PromiseRejectedResult).reason))).toBe(true);
      // One alone and four together, each once: waiting 300 ms more per win would not help the member.
      expect(batches.sent).toEqual({ statements: 2, wins: 5, mostAtOnce: 1 });
    } finally {
      await slow.close();
    }
  });

  it('is planned per win, with no scan of a table, on a database that has never been analyzed', async () => {
    const statement = new PgDialect().sqlToQuery(winBatchStatement([{ input: win('b6', 'z'), now }]));
    const literal = `'${String(statement.params[0]).replace(/'/g, "''")}'`;
    // The plan a pooled connection caches after five runs: generic, from whatever the tables hold now.
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('set local plan_cache_mode = force_generic_plan'));
      await tx.execute(sql.raw(`prepare batch_plan as ${statement.sql}`));
      const lines = rowsOf(await tx.execute(sql.raw(`explain execute batch_plan(${literal})`))).map((r) => String(r['QUERY PLAN']));
      await tx.execute(sql.raw('deallocate batch_plan'));
      return lines.join('\n');
    });
    expect(plan).toMatch(/Index Scan using members_guild_id_user_id_pk on members/);
    expect(plan).toMatch(/Index Scan using wins_member_key_time_idx on wins/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});
