import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 30 Nov 2026, 09:00 UTC; everyone on the server's timezone (UTC).
const start = '2026-11-30T09:00:00Z';
const isReminder = (m: StoredMessage) => m.content.includes('A gentle nudge, as you planned');
const isFreshStart = (m: StoredMessage) => m.content.startsWith('🌅');

describe('plan reminders and fresh starts when the clock jumps, and no reminder for a goal already met', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const reminders = (name: string) => h.sandbox.dms(name).filter(isReminder);
  const freshStarts = (name: string) => h.sandbox.dms(name).filter(isFreshStart);
  const at = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const plan = (user: string, title: string, target: number, when: string) =>
    h.sandbox.chatInput(user, { name: 'goal', subcommand: 'add', options: { title, target, period: 'week', when: 'the kettle boils', then: 'do one thing', at: when } });

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['carol', 'dan']) h.sandbox.addUser(name);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await at(start); // the scheduler has ticked once: a later jump is caught up from here
    for (const name of ['alice', 'bob', 'carol', 'dan']) await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
    await h.sandbox.chatInput('carol', { name: 'settings', options: { 'fresh-start': true } });
    await plan('alice', 'Write', 3, 'thu 13:00');
    await plan('bob', 'Run', 3, 'tue 13:00');
    await plan('carol', 'Tidy', 2, 'fri 12:00');
    await plan('dan', 'Call', 1, 'fri 12:00');
    await h.sandbox.chatInput('carol', { name: 'win', options: { text: 'tidied a shelf', goal: 'Tidy' } });
    await h.sandbox.chatInput('dan', { name: 'win', options: { text: 'called mum', goal: 'Call' } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('sends a plan reminder whose moment a clock jump passed over, once, but never one more than a day old', async () => {
    await at('2026-12-04T10:00:00Z'); // Friday: Thursday 13:00 was 21 hours ago, Tuesday 13:00 three days ago
    expect(reminders('alice')).toHaveLength(1);
    expect(reminders('bob')).toEqual([]);
    await at('2026-12-04T10:01:00Z');
    expect(reminders('alice')).toHaveLength(1);
  });

  it('says nothing when the goal is already met this period, and still reminds an open one', async () => {
    await at('2026-12-04T12:00:00Z');
    expect(reminders('carol')).toHaveLength(1);
    expect(reminders('dan')).toEqual([]);
  });

  it('sends a fresh-start line whose morning a clock jump passed over, once, but not a stale month line', async () => {
    // Tuesday 1 December's morning line was missed by more than a day when the clock jumped to Friday.
    expect(freshStarts('carol')).toEqual([]);
    await at('2026-12-07T13:00:00Z'); // Monday 13:00: the morning (08:00-12:00) is over, 5 hours ago
    expect(freshStarts('carol')).toHaveLength(1);
    await at('2026-12-07T13:05:00Z');
    expect(freshStarts('carol')).toHaveLength(1);
  });
});
