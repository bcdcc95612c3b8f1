import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { pairWeek, setPartnerOptIn } from '../../src/db/partners.js';
import { guilds, recapRuns } from '../../src/db/schema.js';
import { pairingAt } from '../../src/features/member-time.js';
import { createTestDatabase } from '../support/database.js';

const guildId = 'in-force';
const key = (userId: string) => ({ guildId, userId });
const at = (iso: string) => new Date(iso);
// Sundays 20:00 Europe/Paris (19:00 UTC): the recap of 6 Dec pairs week 2026-W50, that of 13 Dec week 2026-W51.
const first = at('2026-12-06T19:00:00Z');
const second = at('2026-12-13T19:00:00Z');
const third = at('2026-12-20T19:00:00Z');

describe('the pairing in force: from one recap until the next, whatever the member’s calendar week (SPEC §5)', () => {
  let database: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    const setup = at('2026-12-01T10:00:00Z');
    for (const userId of ['alice', 'bob']) await setPartnerOptIn(db, key(userId), true, setup);
    await db.update(guilds).set({ timezone: 'Europe/Paris', checkinsEnabled: true });
    await setMemberTimezone(db, key('bob'), 'Asia/Tokyo', setup);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps the pairs once a new calendar week has begun for the member, until the next recap makes its own', async () => {
    const { db } = database;
    await pairWeek(db, guildId, first, first);
    // Sunday 13 Dec 18:00 UTC: already Monday 14 Dec (W51) in Tokyo, the next recap an hour away.
    expect(await pairingAt(db, key('bob'), 'Asia/Tokyo', at('2026-12-13T18:00:00Z'))).toEqual({ weekKey: '2026-W50', partners: ['alice'] });
    await pairWeek(db, guildId, second, second);
    expect(await pairingAt(db, key('bob'), 'Asia/Tokyo', at('2026-12-13T18:00:00Z'))).toEqual({ weekKey: '2026-W50', partners: ['alice'] });
    expect(await pairingAt(db, key('bob'), 'Asia/Tokyo', at('2026-12-13T19:01:00Z'))).toEqual({ weekKey: '2026-W51', partners: ['alice'] });
    expect(await pairingAt(db, key('alice'), 'Europe/Paris', at('2026-12-15T12:00:00Z'))).toEqual({ weekKey: '2026-W51', partners: ['bob'] });
  });

  it('ends the pairs at the next recap even when that one pairs no one', async () => {
    const { db } = database;
    await db.insert(recapRuns).values({ guildId, weekKey: '2026-W51', scheduledFor: third, status: 'posted', claimedAt: third, claimedBy: 'test' });
    expect(await pairingAt(db, key('alice'), 'Europe/Paris', at('2026-12-20T18:59:00Z'))).toEqual({ weekKey: '2026-W51', partners: ['bob'] });
    expect(await pairingAt(db, key('alice'), 'Europe/Paris', at('2026-12-20T19:01:00Z'))).toBeUndefined();
  });
});
