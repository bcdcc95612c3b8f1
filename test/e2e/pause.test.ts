import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { data as pauseData, pause } from '../../commands/pause.js';
import type { ChatInputCommand } from '../../src/discord/command.js';
import { activePause, pausesOverlapping } from '../../src/db/pauses.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 4 Mar 2026, 15:00 in New York (EST), four days before clocks go forward; 20:00 in UTC.
const start = '2026-03-04T20:00:00Z';
const HOUR = 3_600_000;

// The same /pause, registered without its limits: what arrives from a client that ignores min/max.
const laxPause: ChatInputCommand = {
  ...pause,
  data: { ...pauseData, name: 'pause-any-client', options: pauseData.options.map(({ min_value: _min, max_value: _max, ...option }) => option) },
};

describe('/pause and /resume through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const running = (name: string) => activePause(h.database.db, key(name), h.clock.now());
  const run = async (name: string, command: string, options: Record<string, string | number | boolean> = {}) => {
    const result = await h.sandbox.chatInput(name, { name: command, options });
    expect(result.ephemeral).toBe(true);
    return result.message?.content ?? '';
  };

  beforeAll(async () => {
    h = await startHarness(start, { commands: [...commands, laxPause] });
    for (const name of ['nora', 'kai', 'lin', 'max', 'ola', 'pia', 'quinn']) h.sandbox.addUser(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("pauses for 7 days until local midnight after the 7th day, across New York's change to daylight time", async () => {
    await run('nora', 'settings', { timezone: 'America/New_York' });
    const content = await run('nora', 'pause', { days: 7 });
    expect(content).toMatch(/^Rest is part of it\./);
    expect(content).toContain('through **Wednesday 11 March 2026** (your time, America/New_York)');
    // Thursday 12 March, 00:00 EDT: 7 days and 9 hours away, less the hour the clocks skip.
    const endsAt = new Date('2026-03-12T04:00:00Z');
    expect(content).toContain("I'll be glad to see you back on **Thursday 12 March 2026**");
    expect((await running('nora'))?.endsAt).toEqual(endsAt);
    expect(endsAt.getTime() - h.clock.now().getTime()).toBe((7 * 24 + 8) * HOUR);
  });

  it("counts the days in the member's own timezone", async () => {
    // 20:00 UTC on Wednesday is 01:45 on Thursday in Kathmandu: 1 day covers Friday, back on Saturday.
    await run('kai', 'settings', { timezone: 'Asia/Kathmandu' });
    const content = await run('kai', 'pause', { days: 1 });
    expect(content).toContain('the rest of today and 1 more day, through **Friday 6 March 2026**');
    expect((await running('kai'))?.endsAt?.toISOString()).toBe('2026-03-06T18:15:00.000Z');
  });

  it('tells a Los Angeles member the day they are back in their own time, never in UTC', async () => {
    h.sandbox.addUser('lou');
    await run('lou', 'settings', { timezone: 'America/Los_Angeles' });
    const content = await run('lou', 'pause', { days: 3 });
    // 12:00 on Wednesday in LA: the rest of today and 3 more days, back on Sunday.
    expect(content).toContain("I'll be glad to see you back on **Sunday 8 March 2026**");
    expect(await run('lou', 'settings')).toContain('back on Sunday 8 March 2026');
    expect(content).not.toMatch(/UTC|<t:/);
  });

  it("says whose clock a pause follows without a bare \"(UTC time)\" for a member who never set a timezone", async () => {
    h.sandbox.addUser('uma');
    const content = await run('uma', 'pause', { days: 2 });
    expect(content).not.toContain('(UTC time)');
    expect(content).toContain("(the server's time, UTC; `/settings timezone:` sets your own)");
  });

  it('keeps Discord from sending 0 or 91 days, and refuses them kindly from a client that ignores the limits', async () => {
    const option = h.sandbox.commands().find((c) => c.name === 'pause')?.options?.[0];
    expect(option).toMatchObject({ name: 'days', min_value: 1, max_value: 90 });
    await expect(h.sandbox.chatInput('lin', { name: 'pause', options: { days: 0 } })).rejects.toThrow(/at least 1/);

    for (const days of [0, 91]) {
      const content = await run('lin', 'pause-any-client', { days });
      expect(content).toContain(`A pause can be 1 to 90 days (you asked for ${days})`);
    }
    expect(await running('lin')).toBeUndefined();
    expect(await pausesOverlapping(h.database.db, key('lin'), { start: new Date(0), end: new Date('2100-01-01') })).toEqual([]);
  });

  it('pauses until /resume when no days are given, and /settings says so', async () => {
    const content = await run('max', 'pause');
    expect(content).toContain("You're paused until you `/resume`");
    expect(await running('max')).toMatchObject({ endsAt: null });
    expect(await run('max', 'settings')).toContain('Pause: paused until you `/resume`.');

    const dated = await run('max', 'pause', { days: 2 });
    expect(dated).toContain('(This replaces your earlier pause, which ran until you `/resume`.)');
    expect((await running('max'))?.endsAt?.toISOString()).toBe('2026-03-07T00:00:00.000Z');
  });

  it('replaces a running pause with the new one, and says so', async () => {
    await run('ola', 'pause', { days: 7 });
    const content = await run('ola', 'pause', { days: 3 });
    expect(content).toContain('(This replaces your earlier pause, which ran through Wednesday 11 March 2026.)');
    expect((await running('ola'))?.endsAt?.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    const ahead = { start: h.clock.now(), end: new Date('2100-01-01') };
    expect(await pausesOverlapping(h.database.db, key('ola'), ahead)).toHaveLength(1);
  });

  it('ends a pause with /resume and welcomes the member back', async () => {
    await run('pia', 'pause', { days: 10 });
    expect(await run('pia', 'resume')).toBe(
      'Welcome back! 🌱 Your streak is just where you left it. Whenever you are ready, `/win` the first small thing.',
    );
    expect(await running('pia')).toBeUndefined();
    expect(await run('pia', 'settings')).toContain('Pause: not paused.');
  });

  it('answers /resume kindly when the member is not paused', async () => {
    expect(await run('pia', 'resume')).toMatch(/^You're not paused, so there's nothing to resume/);
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
  });

  // Moves the shared clock, so it runs last.
  it('lets a pause end by itself once the clock passes its end', async () => {
    await run('quinn', 'pause', { days: 1 });
    const endsAt = new Date('2026-03-06T00:00:00Z');
    expect((await running('quinn'))?.endsAt).toEqual(endsAt);

    h.clock.set(endsAt.getTime() - 60_000);
    expect(await run('quinn', 'settings')).toContain('Pause: paused through Thursday 5 March 2026 (your time)');
    h.clock.set(endsAt);
    expect(await run('quinn', 'settings')).toContain('Pause: not paused.');
    expect(await run('quinn', 'resume')).toMatch(/not paused/);
    expect(h.sandbox.violations).toEqual([]);
  });
});
