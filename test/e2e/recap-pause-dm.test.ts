import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// SPEC §4: "a week (or the part of it) spent on pause is never judged at all"; "One DM never contradicts itself".
// A Monday 09:00 UTC recap; alice logs a win in each of two weeks, then pauses for the whole week of 7 December.
describe('the personal recap of a week spent on pause, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const tickAt = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const lastDm = () => {
    const embed = h.sandbox.dms('alice').at(-1)?.embeds[0];
    return { title: embed?.title, text: [embed?.description ?? '', ...(embed?.fields ?? []).map((f) => f.value)].join('\n') };
  };

  beforeAll(async () => {
    h = await startHarness('2026-11-23T09:30:00Z'); // Monday 23 November 2026
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('alice', { name: 'settings', options: { dms: true } });
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Walk', target: 1, period: 'week' } });
    scheduler.start();
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('says the streak stayed frozen and judges nothing, goals, week and closing alike', async () => {
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'walked in week one', goal: 'Walk' } });
    await tickAt('2026-11-30T09:30:00Z');
    await h.sandbox.chatInput('alice', { name: 'win', options: { text: 'walked in week two', goal: 'Walk' } });
    await tickAt('2026-12-07T09:30:00Z');
    expect(lastDm().text).toContain('2 weeks in a row with a win');
    await h.sandbox.chatInput('alice', { name: 'pause', options: { days: 6 } });
    await tickAt('2026-12-14T09:05:00Z');
    await tickAt('2026-12-14T09:10:00Z');
    const dm = lastDm();
    expect(dm.title).toBe('Your week of 7 December 2026');
    expect(dm.text).toContain('You took a pause during it, so it isn’t judged');
    expect(dm.text).toContain('Your pause kept your streak of 2 weeks safe');
    expect(dm.text).not.toMatch(/quiet week|no wins|fall short|not this time|in a row|longest yet|still open|keeps it going/i);
  });
});
