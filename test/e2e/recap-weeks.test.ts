import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';
import { recordWin } from '../support/wins.js';

// A Sunday 20:00 Paris recap (18:00 UTC in April), as the fourteen simulated weeks of issue 16 ran it.
describe('a Sunday-evening recap over several weeks, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const at = (instant: string) => h.clock.set(instant);
  const win = (user: string, options: Record<string, string | boolean>) => h.sandbox.chatInput(user, { name: 'win', channel: 'general', options });
  const tickAt = async (instant: string) => {
    at(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };

  beforeAll(async () => {
    h = await startHarness('2027-03-29T10:00:00Z'); // Monday 29 March 2027
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'sunday', time: '20:00', timezone: 'Europe/Paris' } });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const user of ['alice', 'bob']) {
      await h.sandbox.chatInput(user, { name: 'settings', options: { dms: true, timezone: 'Europe/Paris' } });
      await h.sandbox.chatInput(user, { name: 'partner', subcommand: 'join' });
    }
    scheduler.start();
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('names its dates in the footer, never an ISO week number', async () => {
    at('2027-03-30T09:00:00Z');
    await win('alice', { text: 'tuesday pages' });
    await tickAt('2027-04-04T18:00:00Z');
    const [first] = posts();
    expect(first?.embeds[0]?.title).toBe('Small wins, 29 Mar – 4 Apr');
    expect(first?.embeds[0]?.footer?.text).toContain('29 Mar – 4 Apr 2027');
    expect(JSON.stringify(first?.embeds)).not.toMatch(/W\d\d|week 20\d\d/);
  });

  it('puts a win back-dated into a week already recapped in the next recap, and a goal met on Sunday afternoon in that evening’s', async () => {
    at('2027-04-05T08:00:00Z'); // Monday 5 April
    await win('bob', { text: 'backdated sunday walk', when: 'yesterday' });
    await win('bob', { text: 'backdated thursday call', when: '2027-04-01' });
    await h.sandbox.chatInput('alice', { name: 'goal', subcommand: 'add', options: { title: 'Guitar practice', target: 1, period: 'week', share: 'server' } });
    at('2027-04-11T13:00:00Z'); // Sunday 11 April, 15:00 in Paris
    await win('alice', { text: 'played scales', goal: 'Guitar practice' });
    await tickAt('2027-04-11T18:00:00Z');

    const second = posts()[1];
    expect(second?.embeds[0]?.title).toBe('Small wins, 5 Apr – 11 Apr');
    const text = JSON.stringify(second?.embeds);
    expect(text).toContain('backdated sunday walk');
    expect(text).toContain('backdated thursday call');
    expect(text).toMatch(/2 members logged 3 wins this week, and 1 goal was met/);
    // Bob's own week of 29 March still counts them on their dates: /progress is by date.
    at('2027-04-11T18:05:00Z');
    await h.sandbox.idle();
    expect(h.sandbox.dms('bob').at(-1)?.embeds[0]?.title).toBe('Your week of 5 April 2027');
    expect(JSON.stringify(h.sandbox.dms('bob').at(-1)?.embeds)).not.toContain('You logged 2 wins');
  });

  it('does not count that goal again in the following recap', async () => {
    at('2027-04-13T09:00:00Z');
    await win('bob', { text: 'tuesday tidy' });
    await tickAt('2027-04-18T18:00:00Z');
    const third = posts()[2];
    expect(JSON.stringify(third?.embeds)).toMatch(/1 member logged 1 win this week\./);
  });

  it('in a week the channel refuses the bot, still tells the pairs by DM and sends the personal recaps', async () => {
    h.sandbox.setCanPost('wins', false);
    const dmsBefore = { alice: h.sandbox.dms('alice').length, bob: h.sandbox.dms('bob').length };
    at('2027-04-20T09:00:00Z');
    await win('alice', { text: 'tuesday run' });
    await tickAt('2027-04-25T18:00:00Z');
    await tickAt('2027-04-25T18:02:00Z');
    expect(posts()).toHaveLength(3);
    // Thursday's check-in prompt came on the way (the catch-up ticks at it); the rest is the personal recap.
    const recapDms = (name: string, before: number) => h.sandbox.dms(name).slice(before).filter((m) => !m.content?.includes('How is your week going?'));
    const alice = recapDms('alice', dmsBefore.alice);
    const bob = recapDms('bob', dmsBefore.bob);
    expect(alice).toHaveLength(1);
    expect(bob).toHaveLength(1);
    const bobId = h.sandbox.user('bob').id;
    const partners = alice[0]?.embeds[0]?.fields?.find((f) => f.name.startsWith('Your partners'))?.value;
    expect(partners).toContain(`<@${bobId}>`);
    expect(alice[0]?.embeds[0]?.description).toContain('You logged 1 win this week');
  });

  it('once the channel is fixed, covers both weeks and does not call them "this week"', async () => {
    h.sandbox.setCanPost('wins', true);
    at('2027-04-26T09:00:00Z');
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins! } });
    await win('bob', { text: 'monday stretch' });
    await tickAt('2027-05-02T18:00:00Z');
    const fourth = posts()[3];
    expect(fourth?.embeds[0]?.title).toBe('Small wins, 19 Apr – 2 May');
    const text = JSON.stringify(fourth?.embeds);
    expect(text).toContain('tuesday run');
    expect(text).toContain('monday stretch');
    expect(text).toMatch(/2 members logged 2 wins these two weeks/);
    expect(fourth?.embeds[0]?.description).not.toMatch(/this week/i);
    expect(h.sandbox.violations).toEqual([]);
  });
});

describe('old wins brought back, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);

  beforeAll(async () => {
    h = await startHarness('2027-03-29T10:00:00Z');
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'sunday', time: '20:00', timezone: 'Europe/Paris' } });
    await h.sandbox.chatInput('alice', { name: 'settings', options: { dms: true, timezone: 'Europe/Paris' } });
    const alice = h.sandbox.user('alice').id;
    const old = [
      ['kept the plant alive', true, '2027-01-12T12:00:00Z'],
      ['asked for help', true, '2027-01-19T12:00:00Z'],
      ['finished the scarf', false, '2027-01-26T12:00:00Z'],
    ] as const;
    for (const [text, isPrivate, when] of old) await recordWin(h.database.db, { guildId: h.sandbox.guildId, userId: alice, text, isPrivate, occurredAt: new Date(when) }, new Date(when));
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('never shows the same "Remember this?" twice in a few weeks, nor the win the archive line showed that evening', async () => {
    const shown: { archive: string | undefined; dm: string | undefined }[] = [];
    for (const sunday of ['2027-04-04', '2027-04-11', '2027-04-18']) {
      h.clock.set(`${sunday}T09:00:00Z`);
      await h.sandbox.chatInput('alice', { name: 'win', channel: 'general', options: { text: `a small thing on ${sunday}` } });
      for (const minute of ['18:00', '18:01']) {
        h.clock.set(`${sunday}T${minute}:00Z`);
        await scheduler.tickNow();
        await h.sandbox.idle();
      }
      const archive = posts().at(-1)?.embeds[0]?.fields?.find((f) => f.name.startsWith('From the archive'))?.value;
      const dm = h.sandbox.dms('alice').at(-1)?.embeds[0]?.fields?.find((f) => f.name.startsWith('Remember this?'))?.value;
      const quoted = (value: string | undefined) => value?.split('\n> ')[1];
      shown.push({ archive: quoted(archive), dm: quoted(dm) });
    }
    expect(h.sandbox.dms('alice')).toHaveLength(3);
    for (const week of shown) if (week.dm !== undefined) expect(week.dm).not.toBe(week.archive);
    const dmWins = shown.flatMap((week) => (week.dm === undefined ? [] : [week.dm]));
    expect(dmWins.length).toBeGreaterThan(0);
    expect(new Set(dmWins).size).toBe(dmWins.length);
  });
});
