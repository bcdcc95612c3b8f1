import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { guilds, recapRuns } from '../../src/db/schema.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createBotScheduler } from '../../src/jobs/bot-scheduler.js';
import type { Scheduler } from '../../src/jobs/scheduler.js';
import type { SandboxGuild } from '../../src/sandbox/types.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026. Everything here happens in a second server; alice and bob want DMs only there.
const start = '2026-11-25T10:00:00Z';

describe('scheduled work for a server that removed the bot', () => {
  let h: Harness;
  let scheduler: Scheduler;
  let second: SandboxGuild;
  const calls: string[] = [];
  const at = async (instant: string) => {
    h.clock.set(instant);
    await scheduler.tickNow();
    await h.sandbox.idle();
  };
  const inSecond = (name: string, command: string, options: Record<string, string | number | boolean> = {}, subcommand?: string) =>
    h.sandbox.chatInput(name, { name: command, options, guild: second.id, channel: 'general', ...(subcommand ? { subcommand } : {}) });
  // The bot's own posts there (the recaps), not its answers to commands.
  const posts = () => h.sandbox.messages(h.sandbox.channel('general', second.id).id).filter((m) => m.author.id === h.sandbox.botUserId && !m.interaction);
  const dmsOf = (name: string) => h.sandbox.dms(name).length;
  const leftAt = async () => (await h.database.db.select({ at: guilds.leftAt }).from(guilds).where(eq(guilds.id, second.id)))[0]?.at;

  beforeAll(async () => {
    h = await startHarness(start);
    await deployCommands(commands, { apiUrl: h.sandbox.apiUrl, token: h.sandbox.token, applicationId: h.sandbox.applicationId });
    second = h.sandbox.addGuild('Second');
    const recap = await inSecond('ada', 'config', { channel: h.sandbox.channel('general', second.id).id, day: 'monday', time: '09:00', timezone: 'UTC' }, 'recap');
    expect(recap.failed).toBe(false);
    await inSecond('ada', 'config', { enabled: true }, 'checkins');
    for (const name of ['alice', 'bob']) {
      await inSecond(name, 'settings', { dms: true, 'fresh-start': true });
      await inSecond(name, 'partner', {}, 'join');
      await inSecond(name, 'win', { text: `${name} tidied the desk` });
    }
    const goal = await inSecond('alice', 'goal', { title: 'Write', target: 3, period: 'week', when: 'after lunch', then: 'write 100 words', at: 'fri 13:00' }, 'add');
    expect(goal.message?.content).toContain('reminder Fridays 13:00');
    scheduler = createBotScheduler(h.bot, { db: h.database.db, clock: h.clock, logger: pino({ level: 'silent' }) });
    h.bot.rest.on('response', (request) => calls.push(`${request.method.toUpperCase()} ${request.path}`));
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await h?.close();
  });

  it('while the bot is in the server, the week runs: reminder, fresh start, recap with partners, personal recaps', async () => {
    await at('2026-11-27T12:00:00Z'); // the scheduler's first tick
    await at('2026-11-27T13:00:00Z');
    expect(dmsOf('alice')).toBe(1); // the plan reminder
    await at('2026-11-30T08:00:00Z');
    await at('2026-11-30T09:00:00Z');
    expect(posts()).toHaveLength(1);
    // Fresh start and personal recap, each.
    expect(dmsOf('alice')).toBe(3);
    expect(dmsOf('bob')).toBe(2);
  });

  it('after the removal: no prompt, reminder, fresh start, recap or personal recap, and no REST call at all', async () => {
    h.sandbox.removeBot(second.id);
    await vi.waitFor(async () => expect(await leftAt()).toBeInstanceOf(Date), { timeout: 5000 });
    const dms = [dmsOf('alice'), dmsOf('bob')];
    calls.length = 0;
    for (const instant of ['2026-12-03T10:00:00Z', '2026-12-04T13:00:00Z', '2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z']) await at(instant);
    expect(calls).toEqual([]);
    expect([dmsOf('alice'), dmsOf('bob')]).toEqual(dms);
    expect(posts()).toHaveLength(1);
    // The recap stays due, untouched: nothing was claimed for the week the server was away.
    expect((await h.database.db.select().from(recapRuns).where(eq(recapRuns.guildId, second.id))).map((r) => r.weekKey)).toEqual(['2026-W48']);
    // Nothing of theirs was deleted.
    const wins = await h.database.db.execute(sql`select count(*)::int as n from wins where guild_id = ${second.id}`);
    expect((Array.isArray(wins) ? wins : (wins as { rows: { n: number }[] }).rows)[0]).toEqual({ n: 2 });
  });

  it('when the bot is added back, everything resumes: the missed recap is skipped, the next week runs as before', async () => {
    h.sandbox.addBot(second.id);
    await vi.waitFor(async () => expect(await leftAt()).toBeNull(), { timeout: 5000 });
    const [alice, bob] = [dmsOf('alice'), dmsOf('bob')];
    await at('2026-12-08T10:00:00Z');
    expect((await h.database.db.select().from(recapRuns).where(eq(recapRuns.guildId, second.id))).map((r) => [r.weekKey, r.status])).toEqual([
      ['2026-W48', 'posted'],
      ['2026-W49', 'skipped'],
    ]);
    await at('2026-12-11T13:00:00Z');
    expect(dmsOf('alice')).toBe(alice + 1); // the plan reminder
    await at('2026-12-14T08:00:00Z');
    await at('2026-12-14T09:00:00Z');
    expect(posts()).toHaveLength(2);
    expect([dmsOf('alice'), dmsOf('bob')]).toEqual([alice + 3, bob + 2]);
    // This week's pairs get their mid-week prompt again.
    await at('2026-12-17T10:00:00Z');
    expect([dmsOf('alice'), dmsOf('bob')]).toEqual([alice + 4, bob + 3]);
  });
});
