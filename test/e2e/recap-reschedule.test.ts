import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// A Thursday 11:00 UTC recap goes out; the admin then moves it across noon, and to Friday (SPEC §1.7, §4).
describe('moving the recap after this week’s went out, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const tickAt = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const show = async () => JSON.stringify((await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' })).message?.embeds);
  const move = (options: Record<string, string>) => h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options });

  beforeAll(async () => {
    h = await startHarness('2026-12-01T10:00:00Z'); // Tuesday 1 December
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await move({ channel: h.sandbox.channels.wins!, day: 'thursday', time: '11:00', timezone: 'UTC' });
    await h.sandbox.chatInput('alice', { name: 'settings', options: { dms: true, timezone: 'UTC' } });
    await h.sandbox.chatInput('alice', { name: 'win', channel: 'general', options: { text: 'a win on tuesday' } });
    await tickAt('2026-12-03T11:00:00Z');
    await tickAt('2026-12-03T11:01:00Z');
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('moved from 11:00 to 13:00 the same Thursday, names next Thursday 13:00 and posts nothing more today', async () => {
    expect(posts()).toHaveLength(1);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
    h.clock.set('2026-12-03T11:05:00Z');
    await h.sandbox.chatInput('alice', { name: 'win', channel: 'general', options: { text: 'a win on thursday before noon' } });
    const moved = await move({ time: '13:00' });
    expect(moved.message?.content).toContain("This week's recap already went out, so the next one comes on Thursday 10 December 2026");
    expect(JSON.stringify(moved.message?.embeds)).toContain('Thursday 2026-12-10 13:00 (UTC)');
    expect(await show()).toContain('Thursday 2026-12-10 13:00 (UTC)');

    await tickAt('2026-12-03T13:00:00Z');
    await tickAt('2026-12-03T13:05:00Z');
    expect(posts()).toHaveLength(1);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
    expect(await show()).toContain('Thursday 2026-12-10 13:00 (UTC)');
  });

  it('moved on to Friday 09:00, names next Friday and posts nothing the next morning', async () => {
    h.clock.set('2026-12-03T14:00:00Z');
    const moved = await move({ day: 'friday', time: '09:00' });
    expect(moved.message?.content).toContain("This week's recap already went out, so the next one comes on Friday 11 December 2026");
    expect(await show()).toContain('Friday 2026-12-11 09:00 (UTC)');
    await tickAt('2026-12-04T09:00:00Z');
    await tickAt('2026-12-04T09:05:00Z');
    expect(posts()).toHaveLength(1);
    expect(h.sandbox.dms('alice')).toHaveLength(1);
  });

  it('the recap that comes covers everything since the one that went out, Thursday’s win included, once', async () => {
    await tickAt('2026-12-11T09:00:00Z');
    await tickAt('2026-12-11T09:05:00Z');
    const [first, second, ...more] = posts();
    expect(more).toEqual([]);
    expect(second?.timestamp).toBe('2026-12-11T09:00:00.000Z');
    expect(JSON.stringify(second?.embeds)).toContain('a win on thursday before noon');
    expect(JSON.stringify(second?.embeds)).not.toContain('a win on tuesday');
    expect(JSON.stringify(first?.embeds)).not.toContain('a win on thursday before noon');
    expect(h.sandbox.dms('alice')).toHaveLength(2);
    expect(await show()).toContain('Friday 2026-12-18 09:00 (UTC)');
    expect(h.sandbox.violations).toEqual([]);
  });
});
