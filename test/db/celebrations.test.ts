import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { celebrationsUpdate, createCelebrationNotes } from '../../src/db/celebrations.js';
import { findMemberWin } from '../../src/db/web-wins.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { recordWin } from '../support/wins.js';

const now = new Date('2026-11-25T15:00:00Z');
const alice = { guildId: '100', userId: '1' };

describe(`celebration notes on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes queued celebrations on flush, in one batch, and each queue only its own', async () => {
    const notes = createCelebrationNotes(database.db, pino({ level: 'silent' }));
    const other = createCelebrationNotes(database.db, pino({ level: 'silent' }));
    const [a, b] = [await recordWin(database.db, { ...alice, text: 'a', isPrivate: false, occurredAt: now }, now), await recordWin(database.db, { ...alice, text: 'b', isPrivate: false, occurredAt: now }, now)];
    notes.note({ winId: a.id, channelId: '7', messageId: '70' });
    other.note({ winId: b.id, channelId: '8', messageId: '80' });
    expect((await findMemberWin(database.db, alice, a.id))?.celebrationMessageId).toBeNull();
    await notes.flush();
    expect((await findMemberWin(database.db, alice, a.id))?.celebrationMessageId).toBe('70');
    expect((await findMemberWin(database.db, alice, b.id))?.celebrationMessageId).toBeNull();
    await other.close();
    expect((await findMemberWin(database.db, alice, b.id))?.celebrationMessageId).toBe('80');
    await notes.close();
  });

  it('writes on its own a moment later, and after close notes nothing more', async () => {
    const notes = createCelebrationNotes(database.db, pino({ level: 'silent' }));
    const win = await recordWin(database.db, { ...alice, text: 'c', isPrivate: false, occurredAt: now }, now);
    notes.note({ winId: win.id, channelId: '9', messageId: '90' });
    await expect.poll(async () => (await findMemberWin(database.db, alice, win.id))?.celebrationMessageId, { timeout: 5_000 }).toBe('90');
    await notes.close();
    notes.note({ winId: win.id, channelId: '9', messageId: '91' });
    await notes.flush();
    expect((await findMemberWin(database.db, alice, win.id))?.celebrationMessageId).toBe('90');
  });

  it('writes any batch with one statement text, so a connection plans it once', async () => {
    const dialect = new PgDialect();
    const row = (n: number) => ({ winId: n, channelId: String(n), messageId: String(n * 10) });
    const one = dialect.sqlToQuery(celebrationsUpdate([row(1)]));
    const three = dialect.sqlToQuery(celebrationsUpdate([row(1), row(2), row(3)]));
    expect(three.sql).toBe(one.sql);
    expect(three.params).toHaveLength(3);
  });
});
