import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 12:00 UTC; the recap is set for Mondays 09:00 in Paris (08:00 UTC).
const start = '2026-11-25T12:00:00Z';
const secret = 'cried in the car and then went in anyway';

describe('the weekly recap, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const win = (user: string, options: Record<string, string | boolean>) => h.sandbox.chatInput(user, { name: 'win', channel: 'general', options });

  beforeAll(async () => {
    h = await startHarness(start);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('lets only admins preview the recap', async () => {
    const refused = await h.sandbox.chatInput('bob', { name: 'recap', subcommand: 'preview', skipClientChecks: true });
    expect(refused.message?.content).toMatch(/Manage Server/);
  });

  it('posts exactly one recap, at the configured local time, with no private win, no ranking and no pings', async () => {
    await h.sandbox.chatInput('ada', {
      name: 'config',
      subcommand: 'recap',
      options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'Europe/Paris' },
    });
    await win('alice', { text: 'wrote 300 words' });
    await win('alice', { text: 'answered one email' });
    await win('alice', { text: 'went for a run' });
    await win('bob', { text: 'fixed the bike @everyone come see' });
    await win('bob', { text: secret, private: true });
    scheduler.start();

    const preview = await h.sandbox.chatInput('ada', { name: 'recap', subcommand: 'preview' });
    expect(preview.ephemeral).toBe(true);

    // Sunday evening: nothing yet.
    h.clock.set('2026-11-29T20:00:00Z');
    await scheduler.tickNow();
    expect(posts()).toHaveLength(0);
    // Monday 08:59 Paris: still nothing; 09:00 Paris (08:00 UTC): the recap.
    h.clock.set('2026-11-30T07:59:00Z');
    await scheduler.tickNow();
    expect(posts()).toHaveLength(0);
    h.clock.set('2026-11-30T08:00:00Z');
    await scheduler.tickNow();
    // Later ticks the same week post nothing more.
    for (const minute of [1, 2, 30, 600]) {
      h.clock.set(new Date(Date.parse('2026-11-30T08:00:00Z') + minute * 60_000));
      await scheduler.tickNow();
    }
    await h.sandbox.idle();

    const [recap, ...more] = posts();
    expect(more).toEqual([]);
    expect(recap?.timestamp).toBe('2026-11-30T08:00:00.000Z');
    const text = JSON.stringify([recap?.content, recap?.embeds]);
    expect(text).toContain('wrote 300 words');
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/leaderboard|rank|most wins/i);
    expect(text).toMatch(/2 members? logged 4 wins/);
    expect(recap?.pings).toEqual({ users: [], roles: [], everyone: false });
    expect(recap?.allowed_mentions).toMatchObject({ parse: [] });
    expect(h.sandbox.violations).toEqual([]);

    // The preview taken before the recap showed the same composition.
    expect(preview.message?.embeds).toEqual(recap?.embeds);
  });

  it('schedules the next recap a week later, in the server’s time', async () => {
    const show = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' });
    expect(JSON.stringify(show.message?.embeds)).toContain('Monday 2026-12-07 09:00 (Europe/Paris)');
  });

  it('names the recap that will really come when the time moves later on a day its recap already went out', async () => {
    h.clock.set('2026-11-30T18:30:00Z'); // Monday 19:30 in Paris; this week's recap went out at 09:00
    const saved = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { time: '20:00' } });
    expect(JSON.stringify(saved.message?.embeds)).toContain('Monday 2026-12-07 20:00 (Europe/Paris)');
    const show = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' });
    expect(JSON.stringify(show.message?.embeds)).toContain('Monday 2026-12-07 20:00 (Europe/Paris)');

    h.clock.set('2026-11-30T19:00:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    expect(posts()).toHaveLength(1);
  });
});

describe('a Sunday-evening recap, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const winAt = async (at: string, user: string, text: string) => {
    h.clock.set(at);
    await h.sandbox.chatInput(user, { name: 'win', channel: 'general', options: { text } });
  };
  const tickAt = async (at: string) => {
    h.clock.set(at);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };

  beforeAll(async () => {
    h = await startHarness('2026-11-30T10:00:00Z'); // Monday 30 November
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'sunday', time: '23:00', timezone: 'UTC' } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('reports the week that is ending, Sunday’s wins included, and names its dates', async () => {
    const show = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' });
    expect(JSON.stringify(show.message?.embeds)).toContain('Sunday 2026-12-06 23:00 (UTC)');
    await winAt('2026-12-01T09:00:00Z', 'alice', 'tuesday pages');
    await winAt('2026-12-06T18:00:00Z', 'bob', 'sunday stretch');
    await tickAt('2026-12-06T23:00:00Z');
    const [recap, ...more] = posts();
    expect(more).toEqual([]);
    expect(recap?.embeds[0]?.title).toBe('Small wins, 30 Nov – 6 Dec');
    const text = JSON.stringify(recap?.embeds);
    expect(text).toContain('tuesday pages');
    expect(text).toContain('sunday stretch');
    expect(text).toMatch(/2 members logged 2 wins/);
  });

  it('puts a win logged after the recap in the next one, never in both, and names the recap that will come', async () => {
    await winAt('2026-12-06T23:30:00Z', 'alice', 'late sunday note');
    const show = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'show' });
    expect(JSON.stringify(show.message?.embeds)).toContain('Sunday 2026-12-13 23:00 (UTC)');
    // Moving the recap to Monday morning mid-week neither repeats this week nor drops Sunday night's win.
    h.clock.set('2026-12-07T08:00:00Z');
    const moved = await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { day: 'monday', time: '09:00' } });
    expect(JSON.stringify(moved.message?.embeds)).toContain('Monday 2026-12-14 09:00 (UTC)');
    expect(moved.message?.content).toContain("This week's recap already went out, so the next one comes on Monday 14 December 2026");
    await tickAt('2026-12-07T09:00:00Z');
    expect(posts()).toHaveLength(1);
    await tickAt('2026-12-14T09:00:00Z');
    const second = posts()[1];
    expect(second?.embeds[0]?.title).toBe('Small wins, 7 Dec – 13 Dec');
    expect(JSON.stringify(second?.embeds)).toContain('late sunday note');
    expect(JSON.stringify(second?.embeds)).not.toContain('sunday stretch');
  });
});

describe('the streak in the DM recap, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;

  beforeAll(async () => {
    h = await startHarness('2026-11-23T10:00:00Z'); // Monday 23 November
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('alice', { name: 'settings', options: { dms: true, timezone: 'UTC' } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('says what /progress says after a quiet week: a new streak starts with the next win', async () => {
    h.clock.set('2026-11-25T12:00:00Z');
    await h.sandbox.chatInput('alice', { name: 'win', channel: 'general', options: { text: 'one page' } });
    // The week of 30 November passes without a win; the recap of Monday 7 December reports it.
    for (const at of ['2026-11-30T09:00:00Z', '2026-11-30T09:01:00Z', '2026-12-07T09:00:00Z', '2026-12-07T09:01:00Z']) {
      h.clock.set(at);
      await scheduler.tickNow();
      await h.sandbox.idle();
    }
    expect(h.sandbox.dms('alice')).toHaveLength(2);
    const dm = h.sandbox.dms('alice').at(-1);
    const progress = await h.sandbox.chatInput('alice', { name: 'progress' });
    const streak = progress.message?.embeds[0]?.fields?.find((f) => f.name === 'Weekly streak')?.value;
    expect(streak).toBe('A new streak starts with your next win. Your best: 1 week.');
    expect(dm?.embeds[0]?.description).toContain(streak);
    expect(dm?.embeds[0]?.description).not.toMatch(/1 week in a row/);
  });
});
