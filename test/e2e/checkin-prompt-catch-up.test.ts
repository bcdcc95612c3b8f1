import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberDms } from '../../src/db/schema.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import { startHarness, type Harness } from '../support/harness.js';

// Monday 30 Nov 2026, 08:00 UTC: the recap (Mondays 09:00 UTC) pairs week 2026-W49; check-ins are on Thursdays.
const start = '2026-11-30T08:00:00Z';
const isPrompt = (content: string) => content.includes('How is your week going?');

describe('check-in prompts when the clock jumps over the check-in day (the sandbox’s :time)', () => {
  let h: Harness;
  let scheduler: Scheduler;
  let unsubscribe: () => void;

  beforeAll(async () => {
    h = await startHarness(start);
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'recap', options: { channel: h.sandbox.channels.wins!, day: 'monday', time: '09:00', timezone: 'UTC' } });
    await h.sandbox.chatInput('ada', { name: 'config', subcommand: 'checkins', options: { enabled: true, day: 'thursday' } });
    for (const name of ['alice', 'bob']) {
      await h.sandbox.chatInput(name, { name: 'partner', subcommand: 'join' });
      await h.sandbox.chatInput(name, { name: 'settings', options: { dms: true } });
    }
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    // What the sandbox does: every move of the clock asks the scheduler to catch up.
    unsubscribe = h.clock.onChange(() => scheduler.tickNow());
    scheduler.start();
  });
  afterAll(async () => {
    unsubscribe?.();
    await scheduler?.stop();
    await h?.close();
  });

  it('sends the Thursday prompt that a jump from Monday to the next Monday passed over', async () => {
    h.clock.set('2026-11-30T09:30:00Z');
    await h.clock.settled();
    expect(h.sandbox.dms('bob').filter((m) => isPrompt(m.content))).toEqual([]);

    h.clock.set('2026-12-07T09:30:00Z'); // :time +7d
    await h.clock.settled();
    await h.sandbox.idle();
    for (const name of ['alice', 'bob']) {
      const prompts = h.sandbox.dms(name).filter((m) => isPrompt(m.content));
      expect(prompts, name).toHaveLength(1);
    }
    // Both for the week paired on Monday, claimed at Thursday 10:00 as if the bot had been running all along.
    const rows = await h.database.db.select().from(memberDms).where(eq(memberDms.kind, 'checkin-prompt'));
    expect(rows.map((r) => [r.period, r.status, r.claimedAt.toISOString()])).toEqual([
      ['2026-W49', 'sent', '2026-12-03T10:00:00.000Z'],
      ['2026-W49', 'sent', '2026-12-03T10:00:00.000Z'],
    ]);
  });
});
