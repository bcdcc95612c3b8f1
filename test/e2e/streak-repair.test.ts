import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';
import { expectKind } from '../support/kindness.js';

// Monday 2 Nov 2026, 10:00 UTC; members follow the server's timezone, UTC.
const start = '2026-11-02T10:00:00Z';
const DAY = 86_400_000;

describe('a weekly streak broken by one empty week can be repaired, once in 8 weeks', () => {
  let h: Harness;
  let scheduler: Scheduler;
  const progress = (name = 'alice') => h.sandbox.chatInput(name, { name: 'progress' });
  const fields = (r: InteractionResult) => r.message?.embeds[0]?.fields ?? [];
  const field = (r: InteractionResult, name: RegExp) => fields(r).find((f) => name.test(f.name))?.value;
  const repairButton = (r: InteractionResult) =>
    r.message?.components.flatMap((row) => (row as { components: { custom_id: string; label: string }[] }).components).find((b) => b.custom_id.startsWith('progress:repair:'));
  const winOn = async (instant: string, text: string) => {
    h.clock.set(instant);
    await h.sandbox.chatInput('alice', { name: 'win', options: { text, private: true } });
  };

  beforeAll(async () => {
    h = await startHarness(start);
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('alice', { name: 'settings', options: { dms: true } });
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    // Running from the start: a jump of the clock catches up on every recap it passes.
    scheduler.start();
    for (const [i, day] of ['2026-11-02', '2026-11-09', '2026-11-16'].entries()) await winOn(`${day}T12:00:00Z`, `drafted page ${i + 1}`);
  });
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('offers no repair while the run is unbroken', async () => {
    h.clock.set('2026-11-20T12:00:00Z');
    const page = await progress();
    expect(field(page, /Weekly streak/)).toContain('3 weeks in a row');
    expect(repairButton(page)).toBeUndefined();
  });

  it('offers one repair, kindly and for free, in the week after one empty week', async () => {
    h.clock.set('2026-11-30T10:00:00Z');
    const page = await progress();
    expect(field(page, /Weekly streak/)).toContain('A new streak starts with your next win');
    const offer = field(page, /Your streak can carry on/);
    expect(offer).toContain("The week of 23 November 2026 had no wins, and that's okay");
    expect(offer).toContain("It's free, and there's one repair every 8 weeks.");
    expectKind(offer ?? '');
    expect(offer).not.toMatch(/buy|pay|cost|price|premium|coins?/i);
    expect(repairButton(page)?.label).toBe('Repair my streak');
  });

  it('refuses someone else’s click and a forged week, and repairs on the member’s own click', async () => {
    const page = await progress();
    const button = repairButton(page);
    const messageId = page.message?.id ?? '';
    const bob = await h.sandbox.clickButton('bob', { messageId, customId: button?.custom_id ?? '' });
    expect(bob.message?.content).toMatch(/someone else/);
    // A stale or forged id for a week that is not the one on offer, planted as the bot's own message.
    const forgedId = `progress:repair:${h.sandbox.user('alice').id}:2026-11-16`;
    const planted = (await h.bot.rest.post(`/channels/${h.sandbox.channels.general}/messages`, {
      body: { content: 'old', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Press', custom_id: forgedId }] }] },
    })) as { id: string };
    const forged = await h.sandbox.clickButton('alice', { messageId: planted.id, customId: forgedId });
    expect(forged.message?.content).toMatch(/no longer open/);
    const click = await h.sandbox.clickButton('alice', { messageId, customId: button?.custom_id ?? '' });
    expect(click.ephemeral).toBe(true);
    expect(click.message?.content).toBe('Mended: the week of 23 November 2026 no longer breaks your streak, which stands at 3 weeks. The calendar marks it as repaired. 🌱');
    expectKind(click.message?.content ?? '');
    const again = await h.sandbox.clickButton('alice', { messageId, customId: button?.custom_id ?? '' });
    expect(again.message?.content).toMatch(/no longer open/);
    const after = await progress();
    expect(field(after, /Weekly streak/)).toContain('3 weeks in a row with a win (with 1 repaired week 🩹)');
    expect(repairButton(after)).toBeUndefined();
  });

  it('the personal recap by DM tells the same streak', async () => {
    await winOn('2026-12-02T12:00:00Z', 'drafted page 4');
    h.clock.set('2026-12-07T09:00:00Z');
    await scheduler.tickNow();
    await h.sandbox.idle();
    const recapDm = h.sandbox.dms('alice').map((m) => JSON.stringify([m.content, m.embeds])).at(-1);
    expect(recapDm).toContain('30 Nov');
    expect(recapDm).toContain('4 weeks in a row with a win (with 1 repaired week 🩹)');
    const page = await progress();
    expect(field(page, /Weekly streak/)).toContain('4 weeks in a row with a win (with 1 repaired week 🩹)');
  });

  it('offers no second repair within 8 weeks of the first', async () => {
    h.clock.set(new Date(Date.parse('2026-12-14T10:00:00Z')));
    const page = await progress();
    expect(repairButton(page)).toBeUndefined();
    expect(field(page, /Your streak can carry on/)).toBeUndefined();
  });

  it('offers one again once 8 weeks have passed', async () => {
    // Wins every week from 14 Dec to 25 Jan, then an empty week of 1 Feb: 10 weeks after the repaired one.
    for (let week = 0; week < 7; week++) await winOn(new Date(Date.parse('2026-12-15T12:00:00Z') + week * 7 * DAY).toISOString(), `kept going ${week}`);
    h.clock.set('2027-02-08T10:00:00Z');
    const page = await progress();
    expect(repairButton(page)?.custom_id).toBe(`progress:repair:${h.sandbox.user('alice').id}:2027-02-01`);
  });
});
