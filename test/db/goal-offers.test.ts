import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { summariseGoals } from '../../src/db/goal-progress.js';
import { activeGoals, createGoal } from '../../src/db/goals.js';
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
});
