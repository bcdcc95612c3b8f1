import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeGoals } from '../../src/db/goals.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { InteractionResult, StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expectKind } from '../support/kindness.js';

// Monday 30 Nov 2026, 09:00 UTC. Alice lives in Paris (UTC+1 in winter).
const start = '2026-11-30T09:00:00Z';
const isReminder = (m: StoredMessage) => m.content.includes('A gentle nudge, as you planned');

describe('if-then plans on goals, and their weekly reminder', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const goal = (user: string, subcommand: 'add' | 'edit', options: Record<string, string | number>, skipClientChecks = false) =>
    h.sandbox.chatInput(user, { name: 'goal', subcommand, options, skipClientChecks });
  const text = (r: InteractionResult) => `${r.message?.content ?? ''}\n${r.message?.embeds.map((e) => `${e.description ?? ''}\n${(e.fields ?? []).map((f) => f.value).join('\n')}`).join('\n') ?? ''}`;
  const at = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const reminders = (name: string) => h.sandbox.dms(name).filter(isReminder);

  beforeAll(async () => {
    h = await startHarness(start);
    h.sandbox.addUser('carol');
    await h.sandbox.chatInput('alice', { name: 'settings', options: { timezone: 'Europe/Paris', dms: true } });
    await h.sandbox.chatInput('carol', { name: 'settings', options: { dms: true } });
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('adds a goal with a plan in the member’s words and says when the reminder will come', async () => {
    const added = await goal('alice', 'add', { title: 'Write', target: 3, period: 'week', when: 'after lunch', then: 'write 100 words', at: 'thu 13:00' });
    expect(added.ephemeral).toBe(true);
    expect(added.message?.content).toContain('🗓️ When after lunch, I will write 100 words · reminder Thursdays 13:00');
    expect(added.message?.content).toContain('at most once a week');
    const [stored] = await activeGoals(h.database.db, key('alice'));
    expect(stored).toMatchObject({ planWhen: 'after lunch', planThen: 'write 100 words', planAt: '13:00', planDay: 4, planReminders: true });
  });

  it('shows the plan with the goal in /goal list and /progress', async () => {
    const listed = await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'list' });
    expect(text(listed)).toContain('🗓️ When after lunch, I will write 100 words');
    const progress = await h.sandbox.chatInput('alice', { name: 'progress' });
    expect(text(progress)).toContain('🗓️ When after lunch, I will write 100 words');
  });

  it('refuses every plan option out of bounds kindly and stores nothing', async () => {
    const base = { title: 'Run', target: 1, period: 'week' };
    const cases: [Record<string, string | number>, RegExp][] = [
      [{ ...base, when: 'x'.repeat(101), then: 'run' }, /`when` can be at most 100 characters \(yours has 101\)/],
      [{ ...base, when: 'morning', then: 'y'.repeat(101) }, /`then` can be at most 100 characters/],
      [{ ...base, when: '\u200b ', then: 'run' }, /shows nothing on screen/],
      [{ ...base, when: 'after work' }, /needs both parts/],
      [{ ...base, then: 'run 2 km' }, /needs both parts/],
      [{ ...base, at: '07:00' }, /reminder time goes with a plan/],
      [{ ...base, when: 'after work', then: 'run', at: 'soon' }, /couldn't read `at: soon`/],
      [{ ...base, when: 'after work', then: 'run', at: '25:00' }, /couldn't read/],
      [{ ...base, when: 'after work', then: 'run', at: 'someday 12:00' }, /couldn't read/],
      [{ ...base, when: 'after work', then: 'run', at: 'wednesday 13:00:00' }, /at most 16 characters/],
    ];
    for (const [options, message] of cases) {
      const result = await goal('carol', 'add', options, true);
      expect(result.ephemeral, JSON.stringify(options)).toBe(true);
      expect(result.message?.content, JSON.stringify(options)).toMatch(message);
    }
    expect(await activeGoals(h.database.db, key('carol'))).toEqual([]);
  });

  it('tells a member with DMs off that the reminder needs them, and never DMs them', async () => {
    const added = await goal('bob', 'add', { title: 'Stretch', target: 2, period: 'week', when: 'I wake up', then: 'stretch for 5 minutes', at: 'thu 08:00' });
    expect(added.message?.content).toContain('your DMs are off');
  });

  it('sends one gentle reminder at the planned moment in the member’s timezone, once that week', async () => {
    await at('2026-12-03T11:59:00Z'); // 12:59 in Paris
    expect(reminders('alice')).toEqual([]);
    await at('2026-12-03T12:00:00Z'); // 13:00 in Paris
    const [dm, ...more] = reminders('alice');
    expect(more).toEqual([]);
    expect(dm?.content).toContain('when after lunch, you\'ll write 100 words');
    expect(dm?.pings).toEqual({ users: [], roles: [], everyone: false });
    expectKind(dm?.content ?? '');
    await at('2026-12-03T12:30:00Z');
    await at('2026-12-03T20:00:00Z');
    expect(reminders('alice')).toHaveLength(1);
    expect(reminders('bob')).toEqual([]);
  });

  it('sends a reminder once even when two bot processes tick at the same moment', async () => {
    await goal('carol', 'add', { title: 'Tidy', target: 1, period: 'week', when: 'the kettle boils', then: 'tidy one shelf', at: 'fri 10:00' });
    const second = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    h.clock.set('2026-12-04T10:00:00Z');
    await Promise.all([scheduler.tickNow(), second.tickNow()]);
    await second.stop();
    await h.sandbox.idle();
    expect(reminders('carol')).toHaveLength(1);
  });

  it('sends nothing while the member is paused', async () => {
    await h.sandbox.chatInput('alice', { name: 'pause', options: { days: 10 } });
    await at('2026-12-10T12:05:00Z');
    expect(reminders('alice')).toHaveLength(1);
    await h.sandbox.chatInput('alice', { name: 'resume' });
  });

  it('stops the reminders with the button on it, keeping the plan', async () => {
    await at('2026-12-17T12:05:00Z');
    const all = reminders('alice');
    expect(all).toHaveLength(2);
    const latest = all[1];
    const button = (latest?.components[0] as { components: { custom_id: string; label: string }[] }).components[0];
    expect(button?.label).toBe('No more reminders for this plan');
    const forged = await h.sandbox.clickButton('bob', { messageId: latest?.id ?? '', customId: button?.custom_id ?? '' });
    expect(forged.message?.content).toMatch(/someone else/);
    const click = await h.sandbox.clickButton('alice', { messageId: latest?.id ?? '', customId: button?.custom_id ?? '' });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toContain('no more reminders for **Write**');
    const [stored] = await activeGoals(h.database.db, key('alice'));
    expect(stored).toMatchObject({ planWhen: 'after lunch', planReminders: false });
    await at('2026-12-24T12:05:00Z');
    expect(reminders('alice')).toHaveLength(2);
  });

  it('edits a plan, and `when: none` clears it', async () => {
    const edited = await goal('alice', 'edit', { goal: 'Write', then: 'write 50 words', at: 'fri 09:30' });
    expect(edited.message?.content).toContain('🗓️ When after lunch, I will write 50 words · reminder Fridays 09:30');
    const cleared = await goal('alice', 'edit', { goal: 'Write', when: 'none' });
    expect(cleared.message?.content).not.toContain('🗓️');
    const [stored] = await activeGoals(h.database.db, key('alice'));
    expect(stored).toMatchObject({ planWhen: null, planThen: null, planAt: null, planDay: null });
    const half = await goal('alice', 'edit', { goal: 'Write', then: 'write' });
    expect(half.message?.content).toMatch(/needs both parts/);
  });
});
