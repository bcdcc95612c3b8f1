import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { readServerRecap } from '../../src/db/recap-week.js';
import { recapRuns } from '../../src/db/schema.js';
import { primarySituation } from '../../src/domain/recap/situation.js';
import { recapRandom } from '../../src/domain/recap/weeks.js';
import { recapWeekFor } from '../../src/domain/schedule.js';
import { configureRecap } from '../jobs/support.js';
import { createTestDatabase } from '../support/database.js';
import { recordWin } from '../support/wins.js';

const setup = new Date('2025-11-01T12:00:00Z');

describe('the server recap’s archive and situation, read from the database', () => {
  let database: Database;
  let nextChannel = 900000000000000100;
  const server = async (id: string, now = setup) => {
    await configureRecap(database.db, { id, channelId: String(nextChannel++), timezone: 'UTC' }, now);
    return { id, timezone: 'UTC' };
  };
  const logWin = (guildId: string, userId: string, iso: string, isPrivate = false) =>
    recordWin(database.db, { guildId, userId, text: `a win on ${iso}`, isPrivate, occurredAt: new Date(iso) }, new Date(iso));
  const posted = (guildId: string, weekKey: string, iso: string) =>
    database.db.insert(recapRuns).values({ guildId, weekKey, scheduledFor: new Date(iso), coversUntil: new Date(iso), status: 'posted', claimedAt: new Date(iso), claimedBy: 'test' });

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('a year ago, over a recap of two weeks', () => {
    // Monday 30 Nov 09:00 was the last recap; moved to Sunday 19:00, the next covers 30 Nov – 13 Dec 2026.
    const firedAt = new Date('2026-12-13T19:00:00Z');
    const week = recapWeekFor('UTC', firedAt, new Date('2026-11-30T09:00:00Z'));
    const read = async (guild: { id: string; timezone: string }) =>
      (await readServerRecap(database.db, guild, week, { now: firedAt, random: recapRandom(guild.id, week.key) })).data;

    it('covers two weeks', () => {
      expect([week.firstDay, week.lastDay]).toEqual([{ year: 2026, month: 11, day: 30 }, { year: 2026, month: 12, day: 13 }]);
    });

    it('looks at every date the recap covers, a year earlier, not only its first seven', async () => {
      const guild = await server('year-ago-second-week');
      await logWin(guild.id, '100000000000000001', '2025-12-13T22:00:00Z'); // the last covered date, a year ago
      expect((await read(guild)).archive).toMatchObject({ kind: 'year', win: { text: 'a win on 2025-12-13T22:00:00Z' } });
    });

    it('and no further: the day after the span, a year ago, is an older win', async () => {
      const guild = await server('year-ago-day-after');
      await logWin(guild.id, '100000000000000001', '2025-12-14T10:00:00Z');
      expect((await read(guild)).archive).toMatchObject({ kind: 'older' });
    });
  });

  describe('the first week of the server', () => {
    // Monday 4 Jan 2027 09:00 UTC: covers 28 Dec – 3 Jan, after a first recap on Monday 28 Dec.
    const firedAt = new Date('2027-01-04T09:00:00Z');
    const week = recapWeekFor('UTC', firedAt, new Date('2026-12-28T09:00:00Z'));
    const situationOf = async (guild: { id: string; timezone: string }) =>
      primarySituation((await readServerRecap(database.db, guild, week, { now: firedAt, random: recapRandom(guild.id, week.key) })).data);

    it('is the week of the server’s first wins, even after an empty recap: not a comeback', async () => {
      const guild = await server('first-wins-after-empty', new Date('2026-12-21T10:00:00Z'));
      await posted(guild.id, '2026-W53', '2026-12-28T09:00:00Z');
      await logWin(guild.id, '100000000000000001', '2026-12-28T10:00:00Z');
      await logWin(guild.id, '100000000000000002', '2026-12-28T11:00:00Z');
      expect(await situationOf(guild)).toBe('first-week');
    });

    it('is a comeback when an earlier recap had wins, then a week without any', async () => {
      const guild = await server('comeback-after-wins', new Date('2026-12-07T10:00:00Z'));
      await logWin(guild.id, '100000000000000001', '2026-12-15T10:00:00Z');
      await posted(guild.id, '2026-W52', '2026-12-21T09:00:00Z');
      await posted(guild.id, '2026-W53', '2026-12-28T09:00:00Z');
      await logWin(guild.id, '100000000000000001', '2026-12-30T10:00:00Z');
      expect(await situationOf(guild)).toBe('comeback');
    });

    it('is still the first week when only private wins came before', async () => {
      const guild = await server('private-before', new Date('2026-12-21T10:00:00Z'));
      await logWin(guild.id, '100000000000000001', '2026-12-22T10:00:00Z', true);
      await posted(guild.id, '2026-W53', '2026-12-28T09:00:00Z');
      await logWin(guild.id, '100000000000000001', '2026-12-30T10:00:00Z');
      // The earlier recap showed no win: these are the first the server sees.
      expect(await situationOf(guild)).toBe('first-week');
    });
  });
});
