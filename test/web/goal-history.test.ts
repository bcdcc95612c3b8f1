import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { summariseGoals } from '../../src/db/goal-progress.js';
import { activeGoals, createGoal } from '../../src/db/goals.js';
import { startPause } from '../../src/db/pauses.js';
import { overviewBody } from '../../src/web/views/overview.js';
import { createTestDatabase } from '../support/database.js';

// Issue 16 item 3: the web's goal history never marks a week spent (even partly) on pause "not this time".
describe('the web goal history', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('marks a week mostly on pause as not judged, and still says a plain miss kindly', async () => {
    const { db } = database;
    const key = { guildId: 'g-history', userId: 'u-history' };
    const setup = new Date('2027-02-20T12:00:00Z');
    const made = await createGoal(db, key, { title: 'Guitar practice', target: 3, period: 'week', share: 'private' }, setup, 10);
    if (typeof made === 'string') throw new Error(`goal refused: ${made}`);
    // Six of the seven days of 8–14 March in Paris.
    await startPause(db, key, new Date('2027-03-07T23:00:00Z'), new Date('2027-03-13T23:00:00Z'));
    const now = new Date('2027-03-24T12:00:00Z');
    const goals = await summariseGoals(db, await activeGoals(db, key), 'Europe/Paris', now, { includePrivate: true });
    const page = String(
      await overviewBody({
        guildName: 'Test',
        calendarSvg: '',
        progress: { timezone: 'Europe/Paris', today: { year: 2027, month: 3, day: 24 }, figures: null, pausedNow: false, days: new Map(), pausedDays: new Set(), totalWins: 0, goals },
      }),
    );
    const rowOf = (day: string) => page.split('<tr>').find((row) => row.includes(`<td>${day}</td>`)) ?? '';
    expect(rowOf('8 Mar')).toContain('not judged');
    expect(rowOf('8 Mar')).not.toContain('not this time');
    expect(rowOf('15 Mar')).toContain('not this time');
  });
});
