import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { isUniqueViolation } from '../../src/db/errors.js';
import { recordMemberWin } from '../../src/db/record-win.js';
import { markRemembered, rememberCandidates } from '../../src/db/remember.js';
import { searchMemberWins } from '../../src/db/web-wins.js';
import { deleteMemberWin } from '../../src/db/win-list.js';
import { listMemberWins, recordWin } from '../support/wins.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const now = new Date('2026-11-25T15:00:00Z');
const alice = { guildId: '100', userId: '1' };
const bob = { guildId: '100', userId: '2' };
const aliceElsewhere = { guildId: '200', userId: '1' };

describe(`message wins, the win list and /remember on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('records a message once even when two requests race for it', async () => {
    const input = { ...alice, text: 'shipped', isPrivate: false, occurredAt: now, source: 'message' as const, sourceMessageId: '9001' };
    const results = await Promise.allSettled(['1', '2', '3'].map((interactionId) => recordMemberWin(database.db, { ...input, interactionId }, now)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => r.status === 'rejected' && isUniqueViolation(r.reason))).toEqual([true, true]);
    expect((await listMemberWins(database.db, alice)).filter((w) => w.sourceMessageId === '9001')).toHaveLength(1);
  });

  it('recognises the duplicate-message error of this driver', async () => {
    const duplicate = { ...alice, text: 'again', isPrivate: false, occurredAt: now, source: 'message' as const, sourceMessageId: '9001' };
    const error: unknown = await recordWin(database.db, duplicate, now).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
  });

  it('lets the same message id exist in another server', async () => {
    const input = { ...aliceElsewhere, text: 'shipped', isPrivate: false, occurredAt: now, source: 'message' as const, sourceMessageId: '9001', interactionId: '4' };
    expect((await recordMemberWin(database.db, input, now)).created).toBe(true);
  });

  it('deletes a win only for the member who owns it, in the server it belongs to', async () => {
    const win = await recordWin(database.db, { ...alice, text: 'mine', isPrivate: true, occurredAt: now }, now);
    expect(await deleteMemberWin(database.db, bob, win.id)).toBeNull();
    expect(await deleteMemberWin(database.db, aliceElsewhere, win.id)).toBeNull();
    expect((await deleteMemberWin(database.db, alice, win.id))?.text).toBe('mine');
    expect(await deleteMemberWin(database.db, alice, win.id)).toBeNull();
  });

  it('pages a member’s wins newest first, ties broken by the newer id', async () => {
    const at = (iso: string) => new Date(iso);
    for (const [text, when] of [['b', '2026-11-20T10:00:00Z'], ['c', '2026-11-21T10:00:00Z'], ['d', '2026-11-21T10:00:00Z']] as const) {
      await recordWin(database.db, { ...bob, text, isPrivate: false, occurredAt: at(when) }, now);
    }
    const first = await searchMemberWins(database.db, bob, {}, { offset: 0, limit: 2 });
    expect([first.total, first.wins.map((w) => w.text)]).toEqual([3, ['d', 'c']]);
    const ranged = await searchMemberWins(database.db, bob, { range: { start: at('2026-11-21T00:00:00Z'), end: at('2026-11-22T00:00:00Z') } }, { offset: 1, limit: 2 });
    expect([ranged.total, ranged.wins.map((w) => w.text)]).toEqual([2, ['c']]);
  });

  it('offers /remember only the member’s own older wins here, and stamps only their own', async () => {
    const old = await recordWin(database.db, { ...alice, text: 'old', isPrivate: true, occurredAt: new Date('2026-01-01T00:00:00Z') }, now);
    await recordWin(database.db, { ...aliceElsewhere, text: 'old elsewhere', isPrivate: false, occurredAt: new Date('2026-01-01T00:00:00Z') }, now);
    const cutoff = new Date('2026-11-18T15:00:00Z');
    expect((await rememberCandidates(database.db, alice, cutoff)).map((c) => c.id)).toEqual([old.id]);
    expect(await rememberCandidates(database.db, bob, new Date('2026-11-20T00:00:00Z'))).toEqual([]);
    expect(await markRemembered(database.db, bob, old.id, now)).toBeNull();
    expect(await markRemembered(database.db, aliceElsewhere, old.id, now)).toBeNull();
    expect((await markRemembered(database.db, alice, old.id, now))?.rememberedAt?.toISOString()).toBe(now.toISOString());
  });
});
