import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { summariseGoals } from '../../src/db/goal-progress.js';
import { activeGoals, createGoal, declineOffer } from '../../src/db/goals.js';
import { offerIsNewWith } from '../../src/domain/goals.js';
import { startPause } from '../../src/db/pauses.js';
import { createTestDatabase } from '../support/database.js';

// Goals made on Monday 2 November 2026 (UTC); the weeks of 9, 16 and 23 November (the first whole ones) are then missed.
const created = new Date('2026-11-02T09:00:00Z');
const afterThreeWeeks = new Date('2026-11-30T12:00:00Z');

describe('a smaller target is offered after three missed weeks (SPEC §1.6)', () => {
  let database: Database;
  const offerFor = async (userId: string) => {
    const key = { guildId: 'offers-guild', userId };
    const [summary] = await summariseGoals(database.db, await activeGoals(database.db, key), 'UTC', afterThreeWeeks, { includePrivate: true });
    return summary?.offer;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts three missed weeks, but not a week the member spent on pause', async () => {
    for (const userId of ['100000000000000011', '100000000000000012']) {
      const goal = await createGoal(database.db, { guildId: 'offers-guild', userId }, { title: 'Sand', target: 2, period: 'week', share: 'private' }, created, 10);
      if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    }
    expect(await offerFor('100000000000000011')).toMatchObject({ kind: 'smaller', from: 2, to: 1 });
    // A holiday through the week of 9 November: resting is not "hasn't landed".
    await startPause(database.db, { guildId: 'offers-guild', userId: '100000000000000012' }, new Date('2026-11-10T09:00:00Z'), new Date('2026-11-13T00:00:00Z'));
    expect(await offerFor('100000000000000012')).toBeUndefined();
  });

  const summaryIn = async (userId: string, timezone: string, at: Date) => {
    const [summary] = await summariseGoals(database.db, await activeGoals(database.db, { guildId: 'offers-guild', userId }), timezone, at, { includePrivate: true });
    return summary;
  };

  it('stays declined for the run when the member then changes timezone (issue 16 item 10)', async () => {
    const key = { guildId: 'offers-guild', userId: '100000000000000013' };
    const goal = await createGoal(database.db, key, { title: 'Run', target: 2, period: 'week', share: 'private' }, created, 10);
    if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    const offer = (await summaryIn(key.userId, 'UTC', afterThreeWeeks))?.offer;
    expect(offer).toMatchObject({ kind: 'smaller' });
    await declineOffer(database.db, key, goal.id, offer?.key ?? '');
    for (const timezone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      expect((await summaryIn(key.userId, timezone, afterThreeWeeks))?.offer, timezone).toBeUndefined();
      expect((await summaryIn(key.userId, timezone, new Date('2026-12-14T12:00:00Z')))?.offer, timezone).toBeUndefined();
    }
  });

  it('is new to a weekly DM only the week the run reaches three, not every week after', async () => {
    const userId = '100000000000000014';
    const goal = await createGoal(database.db, { guildId: 'offers-guild', userId }, { title: 'Swim', target: 2, period: 'week', share: 'private' }, created, 10);
    if (goal === 'limit' || goal === 'duplicate') throw new Error(goal);
    const first = await summaryIn(userId, 'UTC', afterThreeWeeks);
    expect(first?.offer && first.history[0] && offerIsNewWith(first.offer, first.history[0])).toBe(true);
    const later = await summaryIn(userId, 'UTC', new Date('2026-12-07T12:00:00Z'));
    expect(later?.offer).toBeDefined();
    expect(later?.history[0] && offerIsNewWith(later.offer, later.history[0])).toBe(false);
  });
});
