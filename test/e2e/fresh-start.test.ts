import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeGoals } from '../../src/db/goals.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { StoredMessage } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expectKind } from '../support/kindness.js';

// Wednesday 25 Nov 2026. Alice lives in Paris (UTC+1): her Monday morning starts at 07:00 UTC.
const start = '2026-11-25T10:00:00Z';
const isFreshStart = (m: StoredMessage) => m.content.startsWith('🌅');

describe('fresh starts on the first morning of a week and a month', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const settings = (name: string, options: Record<string, string | boolean>) => h.sandbox.chatInput(name, { name: 'settings', options });
  const lines = (name: string) => h.sandbox.dms(name).filter(isFreshStart);
  const at = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const buttonOf = (message: StoredMessage | undefined) =>
    (message?.components[0] as { components: { custom_id: string; label: string }[] } | undefined)?.components[0];

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['carol', 'dan']) h.sandbox.addUser(name);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('is off until asked for, and /settings says how to turn it on', async () => {
    const shown = await h.sandbox.chatInput('alice', { name: 'settings' });
    expect(shown.message?.content).toContain('Fresh starts: **off**');
  });

  it('turns on with /settings fresh-start, and says DMs are needed when they are off', async () => {
    const alice = await settings('alice', { timezone: 'Europe/Paris', dms: true, 'fresh-start': true });
    expect(alice.ephemeral).toBe(true);
    expect(alice.message?.content).toContain('Fresh starts are on');
    const bob = await settings('bob', { 'fresh-start': true });
    expect(bob.message?.content).toContain('your DMs are off');
    await settings('carol', { dms: true, 'fresh-start': true });
    await settings('dan', { dms: true });
    await h.sandbox.chatInput('carol', { name: 'pause', options: { days: 30 } });
    for (const text of ['wrote the intro', 'called mum']) await h.sandbox.chatInput('alice', { name: 'win', options: { text, private: true } });
  });

  it('sends one line on Monday morning in the member’s own timezone, with last week’s wins in a sentence', async () => {
    await at('2026-11-30T06:59:00Z'); // 07:59 in Paris
    expect(lines('alice')).toEqual([]);
    await at('2026-11-30T07:00:00Z');
    const [line, ...more] = lines('alice');
    expect(more).toEqual([]);
    expect(line?.content).toContain('A fresh week starts today. Last week you logged 2 wins.');
    expect(line?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(buttonOf(line)?.label).toBe('Set one small goal (1 win a week)');
    expectKind(line?.content ?? '');
    await at('2026-11-30T09:00:00Z');
    await at('2026-11-30T10:59:00Z');
    expect(lines('alice')).toHaveLength(1);
  });

  it('never reaches a member with DMs off, one who is paused, or one who did not ask', async () => {
    for (const name of ['bob', 'carol', 'dan']) expect(lines(name), name).toEqual([]);
  });

  it('sets one small private goal from the button, once', async () => {
    const line = lines('alice')[0];
    const customId = buttonOf(line)?.custom_id ?? '';
    const forged = await h.sandbox.clickButton('dan', { messageId: line?.id ?? '', customId });
    expect(forged.message?.content).toMatch(/someone else/);
    const click = await h.sandbox.clickButton('alice', { messageId: line?.id ?? '', customId });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toContain('New goal: **One small win**, 1 a week, just for you.');
    const again = await h.sandbox.clickButton('alice', { messageId: line?.id ?? '', customId });
    expect(again.message?.content).toContain('You already have **One small win**');
    const goals = await activeGoals(h.database.db, key('alice'));
    expect(goals.map((g) => [g.title, g.target, g.period, g.share])).toEqual([['One small win', 1, 'week', 'private']]);
  });

  it('sends the month’s line on the 1st (a Tuesday), once', async () => {
    await at('2026-12-01T07:30:00Z');
    const month = lines('alice')[1];
    expect(month?.content).toContain('A new month starts today. Last week you logged 2 wins.');
    expect(month?.content).toContain('adjust one');
    expectKind(month?.content ?? '');
    await at('2026-12-01T10:00:00Z');
    expect(lines('alice')).toHaveLength(2);
  });

  it('meets a quiet week kindly', async () => {
    await at('2026-12-07T07:30:00Z');
    const quiet = lines('alice')[2];
    expect(quiet?.content).toContain("A fresh week starts today. Last week was a quiet one, and that's okay: this is a clean page.");
    expectKind(quiet?.content ?? '');
  });

  it('stops when turned off', async () => {
    await settings('alice', { 'fresh-start': false });
    await at('2026-12-14T07:30:00Z');
    expect(lines('alice')).toHaveLength(3);
  });
});
