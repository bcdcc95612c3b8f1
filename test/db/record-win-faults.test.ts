import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { openPostgres, type Database } from '../../src/db/client.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { recordMemberWin } from '../../src/db/record-win.js';
import { wins } from '../../src/db/schema.js';
import { monthRange, weekRange } from '../../src/domain/time.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

const now = new Date('2026-11-29T20:00:00Z'); // Sunday evening in UTC, Monday morning in Tokyo
const input = (userId: string, interactionId: string) => ({ guildId: '30', userId, text: 'shipped it', isPrivate: false, occurredAt: now, interactionId });

// Issue 17.1: a member with their own timezone, the first win since start, the connection cut after the insert.
describe.skipIf(!usingPostgres())('a win whose connection drops after it was stored (PostgreSQL behind a fault proxy)', () => {
  let direct: Database & { url?: string };
  let proxy: FaultProxy;
  let viaProxy: Database;
  beforeAll(async () => {
    direct = await createTestDatabase();
    proxy = await startFaultProxy(direct.url ?? '');
    viaProxy = await openPostgres(proxy.url, pino({ level: 'silent' }), 2);
  });
  afterAll(async () => {
    await viaProxy?.close();
    await proxy?.close();
    await direct?.close();
  });
  const storedFor = (userId: string) => direct.db.select().from(wins).where(and(eq(wins.guildId, '30'), eq(wins.userId, userId)));

  it('is answered from the statement that stored it: no later statement can turn it into "not saved"', async () => {
    const key = { guildId: '30', userId: '1' };
    await setMemberTimezone(direct.db, key, 'Asia/Tokyo', now);
    // The old write recounted the week in a second statement when the member's timezone was not the guessed one.
    let cut = false;
    void proxy.cutAfter(/^(?![\s\S]*insert into wins)[\s\S]*as week_count/i).then(() => (cut = true));
    const saved = await recordMemberWin(viaProxy.db, input('1', 'i-1'), now);
    expect(cut).toBe(false);
    expect(saved).toMatchObject({ created: true, timezone: 'Asia/Tokyo', counts: { weekCount: 1, firstEver: true } });
    expect(saved.ranges).toEqual({ timezone: 'Asia/Tokyo', week: weekRange('Asia/Tokyo', now), month: monthRange('Asia/Tokyo', now) });
    expect(await storedFor('1')).toHaveLength(1);
  });

  it('answers a cut during the write itself with the stored win, once, counted in the member’s week', async () => {
    const key = { guildId: '30', userId: '2' };
    await setMemberTimezone(direct.db, key, 'Asia/Tokyo', now);
    const cut = proxy.cutAfter(/cut-after-insert/); // a bound parameter: the statement may be prepared already
    const saved = await recordMemberWin(viaProxy.db, input('2', 'cut-after-insert'), now);
    await cut;
    expect(saved).toMatchObject({ created: false, timezone: 'Asia/Tokyo', counts: { weekCount: 1, weekPublicCount: 1, firstEver: true } });
    expect(saved.ranges.week).toEqual(weekRange('Asia/Tokyo', now));
    expect(await storedFor('2')).toHaveLength(1);
  });
});
