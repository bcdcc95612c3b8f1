import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { encouragementUses } from '../../src/db/schema.js';
import { runRecaps } from '../../src/jobs/recap.js';
import { configureRecap, guildRow, jobDeps, logWin, recapsIn, runsOf, type startRecapWorld } from './support.js';

type World = Awaited<ReturnType<typeof startRecapWorld>>;

/**
 * A Paris server (recap Monday 09:00) with a week of wins, ticked from Friday 18:00 to Monday 11:00
 * local, `stepAfter(t)` apart: exactly one recap, at 09:00, of the right week, nothing private, no pings.
 */
export async function weekendOfTicks(db: Db, world: World, channel: string, stepAfter: (t: number) => number): Promise<void> {
  const alice = world.sandbox.user('alice').id;
  const bob = world.sandbox.user('bob').id;
  await logWin(db, channel, alice, 'wrote 300 words', '2026-11-24T10:00:00Z');
  await logWin(db, channel, alice, 'went for a run', '2026-11-26T18:00:00Z');
  await logWin(db, channel, bob, 'answered one email', '2026-11-28T09:00:00Z');
  await logWin(db, channel, bob, 'my secret thing', '2026-11-28T10:00:00Z', true);
  const start = Date.parse('2026-11-27T17:00:00Z'); // Friday 18:00 in Paris
  world.clock.set(start);
  await configureRecap(db, { id: channel, channelId: world.sandbox.channels[channel] ?? '', day: 1, time: '09:00', timezone: 'Europe/Paris' }, world.clock.now());

  for (let t = start; t <= Date.parse('2026-11-30T10:00:00Z'); t += stepAfter(t)) {
    world.clock.set(t);
    await runRecaps(jobDeps(db, world.delivery), world.clock.now());
  }

  const posted = recapsIn(world.sandbox, channel);
  expect(posted).toHaveLength(1);
  const [recap] = posted;
  expect(recap?.timestamp).toBe('2026-11-30T08:00:00.000Z');
  expect(recap?.embeds[0]?.title).toBe('Small wins, 23 Nov – 29 Nov');
  expect(recap?.embeds[0]?.footer?.text).toContain('Small Wins recap · 23 Nov – 29 Nov 2026');
  expect(JSON.stringify(recap?.embeds)).not.toContain('my secret thing');
  expect(recap?.pings).toEqual({ users: [], roles: [], everyone: false });
  const [run] = await runsOf(db, channel);
  expect(run).toMatchObject({
    weekKey: '2026-W48',
    status: 'posted',
    scheduledFor: new Date('2026-11-30T08:00:00Z'),
    claimedAt: new Date('2026-11-30T08:00:00Z'),
    claimedBy: 'test-instance',
    attempts: 1,
    channelId: world.sandbox.channels[channel],
    messageId: recap?.id,
    finishedAt: new Date('2026-11-30T08:00:00Z'),
    note: null,
  });
  expect((await guildRow(db, channel)).nextRecapAt).toEqual(new Date('2026-12-07T08:00:00Z'));
  const lines = await db.select().from(encouragementUses).where(eq(encouragementUses.guildId, channel));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.weekKey === '2026-W48')).toBe(true);
}
