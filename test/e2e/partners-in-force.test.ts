import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberDms } from '../../src/db/schema.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// SPEC §5: "The partners a recap announces are the partners from that moment until the next recap",
// whatever calendar week it already is for a member (or for the server) before that next recap.

const isPrompt = (content: string) => content.includes('How is your week going?');

/** A harness whose every clock move runs the scheduled work due, as the sandbox's `:time` does. */
async function ticking(start: string): Promise<{ h: Harness; scheduler: Scheduler; stop: () => Promise<void> }> {
  const h = await startHarness(start);
  const scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
  const unsubscribe = h.clock.onChange(() => scheduler.tickNow());
  scheduler.start();
  return {
    h,
    scheduler,
    stop: async () => {
      unsubscribe();
      await scheduler.stop();
      await h.close();
    },
  };
}

async function moveTo(h: Harness, instant: string): Promise<void> {
  h.clock.set(instant);
  await h.clock.settled();
  await h.sandbox.idle();
}

// Recap on Mondays 09:00 UTC; alice in UTC, bob in Asia/Tokyo (UTC+9), both paired on Monday 7 Dec (week 2026-W50).
describe('the pairing in force until the next recap, before it on the next Monday', () => {
  let h: Harness;
  let stop: () => Promise<void>;
  const id = (name: string) => h.sandbox.user(name).id;
  const partner = (user: string, subcommand: string) => h.sandbox.chatInput(user, { name: 'partner', subcommand });

  beforeAll(async () => {
    ({ h, stop } = await ticking('2026-11-30T10:00:00Z'));
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const name of ['alice', 'bob']) {
      await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
      await partner(name, 'join');
    }
    await h.sandbox.chatInput('bob', { name: 'settings', options: { timezone: 'Asia/Tokyo' } });
    await moveTo(h, '2026-12-07T09:05:00Z');
  });
  afterAll(async () => {
    await stop?.();
  });

  it('shows the partner, and shares /checkin, from Monday 00:00 in Tokyo until the recap at 09:00 UTC', async () => {
    // Sunday 13 Dec 16:00 UTC is Monday 14 Dec 01:00 in Tokyo: a new week for bob, still the same pairing.
    await moveTo(h, '2026-12-13T16:00:00Z');
    const status = await partner('bob', 'status');
    expect(status.message?.embeds[0]?.description ?? status.message?.content).toContain(`<@${id('alice')}>`);
    const checkin = await h.sandbox.chatInput('bob', { name: 'checkin', options: { note: 'new week, still going' } });
    expect(checkin.message?.content).not.toMatch(/don't have a partner/);
    expect(checkin.message?.content).toContain(`<@${id('alice')}>`);
    await h.sandbox.idle();
    expect(h.sandbox.dms('alice').some((m) => m.content.includes('new week, still going'))).toBe(true);
  });

  it('shows the partner and their note on Monday 08:00 UTC, an hour before the next recap', async () => {
    await moveTo(h, '2026-12-14T08:00:00Z');
    const status = await partner('alice', 'status');
    const text = status.message?.embeds[0]?.description ?? status.message?.content ?? '';
    expect(text).toContain(`<@${id('bob')}>`);
    expect(text).toContain('new week, still going');
  });

  it('moves to the pairing the next recap makes as soon as it is made', async () => {
    await moveTo(h, '2026-12-14T09:05:00Z');
    const status = await partner('alice', 'status');
    const text = status.message?.embeds[0]?.description ?? status.message?.content ?? '';
    expect(text).toContain(`<@${id('bob')}>`);
    // A fresh pairing: last week's note is not this week's.
    expect(text).not.toContain('new week, still going');
    expect(h.sandbox.violations).toEqual([]);
  });

  it('ends the pairing at the next recap even when that recap pairs no one', async () => {
    await partner('bob', 'leave');
    await moveTo(h, '2026-12-21T08:00:00Z');
    const before = await partner('alice', 'status');
    expect(before.message?.embeds[0]?.description ?? before.message?.content).toContain(`<@${id('bob')}>`);
    await moveTo(h, '2026-12-21T09:05:00Z');
    const after = await partner('alice', 'status');
    expect(after.message?.embeds ?? []).toEqual([]);
    expect(after.message?.content).toMatch(/Pairing happens at the next recap/);
  });
});

// Recap on Thursdays 09:00 America/Los_Angeles (17:00 UTC, Friday 02:00 in Tokyo); both members in Asia/Tokyo.
describe('the Thursday 10:00 prompt for members far east of a Thursday recap', () => {
  let h: Harness;
  let stop: () => Promise<void>;
  const id = (name: string) => h.sandbox.user(name).id;
  const partner = (user: string, subcommand: string) => h.sandbox.chatInput(user, { name: 'partner', subcommand });
  const prompts = (name: string) => h.sandbox.dms(name).filter((m) => isPrompt(m.content));

  beforeAll(async () => {
    ({ h, stop } = await ticking('2026-11-30T00:00:00Z'));
    await h.sandbox.chatInput('ada', {
      name: 'config',
      subcommand: 'recap',
      options: { channel: h.sandbox.channels.wins!, day: 'thursday', time: '09:00', timezone: 'America/Los_Angeles' },
    });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true } });
    for (const name of ['alice', 'bob']) {
      await h.sandbox.chatInput(name, { name: 'settings', options: { timezone: 'Asia/Tokyo', dms: true } });
      await partner(name, 'join');
    }
    // The first recap, Thursday 3 Dec 09:00 in Los Angeles, pairs alice and bob.
    await moveTo(h, '2026-12-04T00:00:00Z');
  });
  afterAll(async () => {
    await stop?.();
  });

  it('prompts both on Thursday 10:00 Tokyo time, and /partner status shows the partner then', async () => {
    await moveTo(h, '2026-12-10T01:05:00Z');
    const status = await partner('alice', 'status');
    expect(status.message?.embeds[0]?.description ?? status.message?.content).toContain(`<@${id('bob')}>`);
    expect(prompts('alice')).toHaveLength(1);
    expect(prompts('bob')).toHaveLength(1);
  });

  it('prompts once per pairing: again the next Thursday, for the pairing the recap in between made', async () => {
    await moveTo(h, '2026-12-10T12:00:00Z');
    expect(prompts('alice')).toHaveLength(1);
    await moveTo(h, '2026-12-17T01:05:00Z');
    await moveTo(h, '2026-12-17T12:00:00Z');
    expect(prompts('alice')).toHaveLength(2);
    expect(prompts('bob')).toHaveLength(2);
    const rows = await h.database.db.select().from(memberDms).where(eq(memberDms.kind, 'checkin-prompt'));
    const periods = rows.map((r) => r.period).sort();
    // One claim per member per pairing week, each a distinct week.
    expect(new Set(periods).size).toBe(2);
    expect(periods).toHaveLength(4);
    expect(h.sandbox.violations).toEqual([]);
  });
});
