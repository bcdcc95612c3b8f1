import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { pairWeek, setPartnerOptIn } from '../../src/db/partners.js';
import { startPause } from '../../src/db/pauses.js';
import { guilds } from '../../src/db/schema.js';
import { isPeriodOver, pairingAt, pausedPartOf, timezoneOf, weekOf } from '../../src/features/member-time.js';
import { createTestDatabase } from '../support/database.js';

const guildId = 'time';
const key = (userId: string) => ({ guildId, userId });
// Sunday 6 Dec 2026, 20:00 Europe/Paris: a Sunday-evening recap pairs the week of 7 Dec (2026-W50).
const recapAt = new Date('2026-12-06T19:00:00Z');

describe("one model of a member's time", () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const setup = new Date('2026-12-01T10:00:00Z');
    for (const userId of ['alice', 'bob']) await setPartnerOptIn(db, key(userId), true, setup);
    await db.update(guilds).set({ timezone: 'Europe/Paris', checkinsEnabled: true });
    await setMemberTimezone(db, key('bob'), 'America/Los_Angeles', setup);
    await startPause(db, key('alice'), new Date('2026-11-30T00:00:00Z'), new Date('2026-12-02T00:00:00Z'));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("answers the member's own timezone, else the server's", async () => {
    expect(await timezoneOf(database.db, key('bob'))).toBe('America/Los_Angeles');
    expect(await timezoneOf(database.db, key('alice'))).toBe('Europe/Paris');
  });

  it("applies a Sunday-evening recap's pairs from its moment, not before, and until the next recap (SPEC §5)", async () => {
    await pairWeek(database.db, guildId, recapAt, recapAt);
    const before = await pairingAt(database.db, key('alice'), 'Europe/Paris', new Date(recapAt.getTime() - 60_000));
    expect(before).toBeUndefined();
    const after = await pairingAt(database.db, key('alice'), 'Europe/Paris', new Date(recapAt.getTime() + 60_000));
    expect(after).toEqual({ weekKey: '2026-W50', partners: ['bob'] });
    // Still Sunday morning in Los Angeles: the pairs apply there too.
    expect(await pairingAt(database.db, key('bob'), 'America/Los_Angeles', new Date(recapAt.getTime() + 60_000))).toEqual({ weekKey: '2026-W50', partners: ['alice'] });
    // A new calendar week for the member does not end it: the next recap does, with the pairs it makes.
    expect(await pairingAt(database.db, key('alice'), 'Europe/Paris', new Date('2026-12-13T18:00:00Z'))).toEqual({ weekKey: '2026-W50', partners: ['bob'] });
    const nextRecap = new Date('2026-12-13T19:00:00Z');
    await pairWeek(database.db, guildId, nextRecap, nextRecap);
    expect(await pairingAt(database.db, key('alice'), 'Europe/Paris', new Date('2026-12-15T12:00:00Z'))).toEqual({ weekKey: '2026-W51', partners: ['bob'] });
    // A server whose recaps stopped long ago has no pairing in force.
    expect(await pairingAt(database.db, key('alice'), 'Europe/Paris', new Date('2027-01-20T12:00:00Z'))).toBeUndefined();
  });

  it('says which days of a week were paused, and a week not ended for the member is not over', async () => {
    const week = weekOf('Europe/Paris', new Date('2026-12-02T12:00:00Z'));
    const paused = await pausedPartOf(database.db, key('alice'), 'Europe/Paris', week.range, new Date('2026-12-10T00:00:00Z'));
    expect([...paused.days]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(paused.whole).toBe(false);
    expect(isPeriodOver(week.range, new Date('2026-12-06T19:00:00Z'))).toBe(false);
    expect(isPeriodOver(week.range, new Date('2026-12-07T00:00:00Z'))).toBe(true);
  });
});
