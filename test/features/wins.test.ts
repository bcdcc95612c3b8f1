import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/client.js';
import { FloodGuard } from '../../src/domain/flood.js';
import { deleteWin, listWins, ownWin, type CelebrationPlace } from '../../src/features/wins-list.js';
import { logWin, type WinDeps } from '../../src/features/wins.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

const alice = { guildId: '100', userId: '1' };
const command = (text: string, extra: { isPrivate?: boolean; when?: string } = {}) => ({
  kind: 'command' as const,
  text,
  isPrivate: extra.isPrivate ?? false,
  when: extra.when ?? null,
  goal: null,
});

// The use cases alone, with no Discord and no web: what every adapter shares.
describe(`the wins use cases on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  let deps: WinDeps;
  let n = 0;
  const log = (source: ReturnType<typeof command>, channelId: string | undefined = '5') =>
    logWin(deps, { key: alice, channelId, interactionId: `i${++n}`, source });

  beforeAll(async () => {
    database = await createTestDatabase();
    deps = { db: database.db, clock: new ManualClock('2026-11-25T10:00:00Z'), flood: new FloodGuard({ burst: { max: 3, perMs: 60_000 }, publicPosts: { max: 2, perMs: 60_000 } }) };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('logs a win, says what the celebration counts and where it may be shown, then quiets a busy channel and refuses a burst with the words given back', async () => {
    const first = await log(command('read a page'));
    expect(first.ok && first.logged.shown).toBe('public');
    expect(first.ok && first.logged.celebration.tally).toMatchObject({ weekCount: 1, firstHere: true, currentWeek: true });
    const second = await log(command('read another'));
    expect(second.ok && second.logged.celebration.tally?.weekCount).toBe(2);
    const third = await log(command('and a third'));
    expect(third.ok && third.logged.shown).toBe('quiet');
    const refused = await log(command('a fourth, too fast'));
    expect(refused).toEqual({ ok: false, refusal: { problem: 'slow-down', typed: 'a fourth, too fast' } });
    expect((await listWins(deps, alice, { period: 'all', page: 1, perPage: 10 })).total).toBe(3);
  });

  it('refuses bad input as data, the typed words kept, and writes nothing', async () => {
    expect(await log(command('   '))).toMatchObject({ ok: false, refusal: { problem: 'text-empty' } });
    expect(await log(command('ran', { when: 'someday' }))).toMatchObject({ ok: false, refusal: { problem: 'when-unknown', typed: 'ran' } });
    const other = await logWin(deps, { key: alice, channelId: '5', interactionId: 'm1', source: { kind: 'message', message: { id: '9', authorId: '2', content: 'hers', createdAt: new Date() } } });
    expect(other).toEqual({ ok: false, refusal: { problem: 'not-own-message' } });
  });

  it('deletes a win with its celebration, found by the interaction that posted it, and only the member’s own', async () => {
    (deps.clock as ManualClock).advance(120_000);
    const logged = await log(command('planted tulips'));
    if (!logged.ok) throw new Error('not logged');
    expect((await ownWin(deps, alice, logged.logged.winId))?.celebrated).toBe(true);
    const removed: CelebrationPlace[] = [];
    const removeCelebration = async (place: CelebrationPlace) => (removed.push(place), 'removed' as const);
    expect(await deleteWin({ ...deps, removeCelebration }, { ...alice, userId: '2' }, logged.logged.winId)).toEqual({ deleted: false });
    expect(await deleteWin({ ...deps, removeCelebration }, alice, logged.logged.winId)).toEqual({ deleted: true, text: 'planted tulips', celebration: { channelId: '5', removal: 'removed' } });
    expect(removed).toEqual([{ channelId: '5', messageId: null, interactionId: `i${n}` }]);
  });

  it('keeps no celebration for a quieted win, a private one or one outside a channel', async () => {
    const clock = deps.clock as ManualClock;
    clock.advance(120_000);
    const removeCelebration = async () => 'removed' as const;
    await log(command('one'));
    await log(command('two'));
    const quiet = await log(command('three, quietly'));
    expect(quiet.ok && quiet.logged.shown).toBe('quiet');
    clock.advance(61_000);
    const unshown = [quiet, await log(command('quietly proud', { isPrivate: true })), await logWin(deps, { key: alice, channelId: undefined, interactionId: `i${++n}`, source: command('in a DM') })];
    for (const logged of unshown) {
      if (!logged.ok) throw new Error('not logged');
      expect((await ownWin(deps, alice, logged.logged.winId))?.celebrated).toBe(false);
      expect(await deleteWin({ ...deps, removeCelebration }, alice, logged.logged.winId)).toEqual({ deleted: true, text: expect.any(String) });
    }
  });
});
