import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expectKind } from '../support/kindness.js';
import { recordWin } from '../support/wins.js';

// Monday 30 Nov 2026, 08:00 UTC: an hour before the first recap (Mondays 09:00 UTC).
const start = '2026-11-30T08:00:00Z';
const LINE = /(\d+) members beat their own usual week/;

describe('the recap says how many members beat their own usual week, a number and never names', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const regulars = ['alice', 'bob', 'carol', 'dan', 'erin', 'fay'];
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const recapAt = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
    const post = posts().at(-1);
    return JSON.stringify([post?.content, post?.embeds]);
  };
  const win = (name: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => h.sandbox.chatInput(name, { name: 'win', options: { text: `step ${i + 1}` } })));

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['carol', 'dan', 'erin', 'fay', 'gus']) h.sandbox.addUser(name);
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    // Five weeks of one public win a week for each regular, logged as they happened.
    for (const name of regulars) {
      for (const day of ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
        const at = new Date(`${day}T12:00:00Z`);
        await recordWin(h.database.db, { guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id, text: `weekly step ${day}`, isPrivate: false, occurredAt: at }, at);
      }
    }
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    scheduler.start();
    await recapAt('2026-11-30T09:00:00Z');
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('counts the members who beat their own usual, leaving out the newcomer and whoever matched it', async () => {
    h.clock.set('2026-12-02T10:00:00Z');
    await win('alice', 2);
    await win('bob', 2);
    await win('carol', 3);
    await win('dan', 1);
    await win('gus', 5); // new here: no 4 weeks of history, so never counted
    const text = await recapAt('2026-12-07T09:00:00Z');
    expect(text.match(LINE)?.[1]).toBe('3');
    const line = /\*\*Together\*\*:[^"]*?own usual week\. 🌱/.exec(text)?.[0] ?? '';
    expect(line).not.toMatch(/<@/);
    expectKind(text);
    expect(posts(), 'one server post a week').toHaveLength(2);
  });

  it('leaves the line out when only one member beat their usual: no one is singled out', async () => {
    h.clock.set('2026-12-09T10:00:00Z');
    await win('alice', 4);
    await win('bob', 1);
    const text = await recapAt('2026-12-14T09:00:00Z');
    expect(text).toContain('Together');
    expect(text).not.toMatch(LINE);
    expect(posts(), 'one server post a week').toHaveLength(3);
  });
});
