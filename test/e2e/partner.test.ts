import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairings } from '../../src/db/schema.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 12:00 UTC; the recap is set for Mondays 09:00 UTC, so it fires on 30 Nov (week 2026-W49).
const start = '2026-11-25T12:00:00Z';

describe('/partner and the weekly pairing, end to end', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const id = (name: string) => h.sandbox.user(name).id;
  const partner = (user: string, subcommand: string) => h.sandbox.chatInput(user, { name: 'partner', subcommand });
  const posts = () => h.sandbox.messages('wins').filter((m) => !m.interaction && !m.deleted);
  const pairingRows = () =>
    h.database.db.select().from(pairings).where(and(eq(pairings.guildId, h.sandbox.guildId), eq(pairings.weekKey, '2026-W49'))).orderBy(pairings.userId);

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['carol', 'dave', 'erin']) h.sandbox.addUser(name);
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('remembers a join while check-ins are off, and says so kindly', async () => {
    const joined = await partner('alice', 'join');
    expect(joined.ephemeral).toBe(true);
    expect(joined.message?.content).toMatch(/check-ins off for now/);
    expect(joined.message?.content).toMatch(/remembered/);
    const status = await partner('alice', 'status');
    expect(status.message?.content).toMatch(/not paired this week: this server has check-ins off/);
  });

  it('explains that a member who has not opted in is not paired', async () => {
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    const status = await partner('dave', 'status');
    expect(status.ephemeral).toBe(true);
    expect(status.message?.content).toMatch(/haven't opted in.*\/partner join/);
  });

  it('tells an opted-in member that pairing happens at the next recap', async () => {
    for (const name of ['bob', 'carol', 'erin']) {
      const joined = await partner(name, 'join');
      expect(joined.message?.content).toMatch(/You're in!/);
    }
    const status = await partner('bob', 'status');
    expect(status.message?.content).toMatch(/Pairing happens at the next recap/);
  });

  it('pairs the opted-in, non-paused members once at recap time and pings exactly them in the recap', async () => {
    await h.sandbox.chatInput('erin', { name: 'pause', options: { days: 14 } });
    scheduler.start();
    h.clock.set('2026-11-30T09:00:00Z');
    await scheduler.tickNow();
    const first = await pairingRows();
    h.clock.set('2026-11-30T09:05:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();

    const paired = [id('alice'), id('bob'), id('carol')].sort();
    expect(first.map((r) => r.userId).sort()).toEqual(paired);
    expect(new Set(first.map((r) => r.groupNo)).size).toBe(1);
    // A second tick finds the week's pairing and leaves it as it was.
    expect(await pairingRows()).toEqual(first);

    const [recap, ...more] = posts();
    expect(more).toEqual([]);
    const mentioned = [...(recap?.content ?? '').matchAll(/<@(\d+)>/g)].map((m) => m[1]).sort();
    expect(mentioned).toEqual(paired);
    expect([...(recap?.pings.users ?? [])].sort()).toEqual(paired);
    expect(recap?.pings.everyone).toBe(false);
    expect(h.sandbox.violations).toEqual([]);
  });

  it("shows this week's partners, and explains why a paused member was left out", async () => {
    const status = await partner('alice', 'status');
    expect(status.ephemeral).toBe(true);
    const text = status.message?.embeds[0]?.description ?? '';
    expect(text).toContain(`<@${id('bob')}>`);
    expect(text).toContain(`<@${id('carol')}>`);
    expect(text).not.toContain(`<@${id('alice')}>`);
    expect(text).toMatch(/hasn't shared a check-in yet/);
    expect(status.message?.pings.users).toEqual([]);

    const paused = await partner('erin', 'status');
    expect(paused.message?.content).toMatch(/You're paused/);
  });

  it('lets a member leave, effective from the next pairing', async () => {
    const left = await partner('carol', 'leave');
    expect(left.ephemeral).toBe(true);
    expect(left.message?.content).toMatch(/won't pair you/);
    const status = await partner('carol', 'status');
    expect(status.message?.embeds[0]?.description).toContain(`<@${id('alice')}>`);
  });
});

// Wednesday 2 Dec 2026; the recap is set for Sundays 20:00 Europe/Paris (19:00 UTC on 6 Dec), pairing the week of 7 Dec.
describe('a Sunday-evening recap: its partners apply at once, in a trio too', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const id = (name: string) => h.sandbox.user(name).id;
  const partner = (user: string, subcommand: string) => h.sandbox.chatInput(user, { name: 'partner', subcommand });

  beforeAll(async () => {
    h = await startHarness('2026-12-02T12:00:00Z');
    h.sandbox.addUser('carol');
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'sunday', time: '20:00', timezone: 'Europe/Paris' } });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const name of ['alice', 'bob', 'carol']) {
      await partner(name, 'join');
      await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
    }
    await h.sandbox.chatInput('bob', { name: 'settings', options: { timezone: 'America/Los_Angeles' } });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it("names the next recap in the member's own timezone, in words, never as bare UTC", async () => {
    const status = await partner('bob', 'status');
    expect(status.message?.content).toContain('Pairing happens at the next recap, at 11:00 on Sunday 6 December 2026 (your time)');
    expect(status.message?.content).not.toMatch(/UTC|<t:/);
  });

  it('shows the pairs a Sunday-evening recap announced in /partner status and /checkin straight away', async () => {
    scheduler.start();
    h.clock.set('2026-12-06T19:00:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    h.clock.set('2026-12-06T19:30:00Z');
    const status = await partner('alice', 'status');
    const text = status.message?.embeds[0]?.description ?? '';
    expect(text).toContain(`<@${id('bob')}>`);
    expect(text).toContain(`<@${id('carol')}>`);
    const result = await h.sandbox.chatInput('alice', { name: 'checkin', options: { note: 'ready for the week ahead' } });
    expect(result.message?.content).toMatch(/I sent it to <@\d+> & <@\d+>/);
    expect(h.sandbox.dms('bob').some((m) => m.content.includes('ready for the week ahead'))).toBe(true);
    const bobSees = await partner('bob', 'status');
    expect(bobSees.message?.embeds[0]?.description).toContain('ready for the week ahead');
  });

  it('says a second check-in the same day was not sent again to each partner of a trio', async () => {
    const again = await h.sandbox.chatInput('alice', { name: 'checkin', options: { note: 'one more thought for tonight' } });
    expect(again.message?.content).toContain(`Your partners <@${id('bob')}> & <@${id('carol')}> each already got a check-in from you today`);
    expect(again.message?.content).not.toMatch(/Your partner already/);
  });
});
