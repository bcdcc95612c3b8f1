import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guildSettings } from '../../src/db/guild-settings.js';
import { guilds } from '../../src/db/schema.js';
import type { InteractionResult } from '../../src/sandbox/index.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 12:00 UTC.
const start = '2026-11-25T12:00:00Z';

describe('/config for admins', () => {
  let h: Harness;
  const settings = () => guildSettings(h.database.db, h.sandbox.guildId, h.clock.now());
  const configure = (user: string, options: Record<string, string | boolean>, subcommand = 'recap', skipClientChecks = false) =>
    h.sandbox.chatInput(user, { name: 'config', subcommand, options, skipClientChecks });
  const shown = (r: InteractionResult) => `${r.message?.content ?? ''}\n${JSON.stringify(r.message?.embeds ?? [])}`;

  beforeAll(async () => {
    h = await startHarness(start);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers admin commands for Manage Server only', () => {
    const config = h.sandbox.commands().find((c) => c.name === 'config');
    expect(config?.default_member_permissions).toBe('32');
  });

  it('shows an admin the setup hint, privately, until the recap is configured', async () => {
    const result = await h.sandbox.chatInput('ada', { name: 'help' });
    // The hint follows the reply; under load it can take longer than the sandbox's quiet period.
    await vi.waitFor(() => expect(result.followUps).toHaveLength(1), { timeout: 5000 });
    expect(result.followUps.map((m) => [m.ephemeral, m.content])).toEqual([[true, expect.stringContaining('/config recap channel:')]]);
    const member = await h.sandbox.chatInput('alice', { name: 'help' });
    await h.sandbox.idle();
    expect(member.followUps).toEqual([]);
  });

  it('says nothing is set up yet, and asks for a channel first', async () => {
    const show = await configure('ada', {}, 'show');
    expect(shown(show)).toContain('Not set up yet');
    const noChannel = await configure('ada', { day: 'friday' });
    expect(noChannel.message?.content).toMatch(/Pick a channel for the recap/);
    expect((await settings()).recapChannelId).toBeNull();
  });

  it('refuses a member without Manage Server at run time and changes nothing', async () => {
    const result = await configure('bob', { channel: h.sandbox.channels.wins!, day: 'sunday' }, 'recap', true);
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/Manage Server/);
    const after = await settings();
    expect([after.recapChannelId, after.recapDay]).toEqual([null, 1]);
    const checkins = await configure('bob', { enabled: true }, 'checkins', true);
    expect(checkins.message?.content).toMatch(/Manage Server/);
    expect((await settings()).checkinsEnabled).toBe(false);
  });

  it('refuses a time or timezone it cannot read, kindly, and saves nothing', async () => {
    const badTime = await configure('ada', { channel: h.sandbox.channels.wins!, time: '25:00' });
    expect(badTime.message?.content).toMatch(/Use 24-hour `HH:MM`/);
    const badZone = await configure('ada', { channel: h.sandbox.channels.wins!, timezone: 'Europe/Pariss' });
    expect(badZone.message?.content).toMatch(/I don't know the timezone `Europe\/Pariss`\. Did you mean `Europe\/Paris`/);
    const badDay = await configure('ada', { channel: h.sandbox.channels.wins!, day: 'someday' }, 'recap', true);
    expect(badDay.message?.content).toMatch(/`monday` to `sunday`/);
    expect((await settings()).recapChannelId).toBeNull();
  });

  it('saves the recap settings, stores the current zone name, and schedules the next recap', async () => {
    const result = await configure('ada', { channel: h.sandbox.channels.wins!, day: 'friday', time: '18:30', timezone: 'Asia/Calcutta' });
    expect(result.message?.content).toMatch(/every Friday at 18:30 \(Asia\/Kolkata\)/);
    const saved = await settings();
    expect([saved.recapChannelId, saved.recapDay, saved.recapTime, saved.timezone]).toEqual([h.sandbox.channels.wins, 5, '18:30', 'Asia/Kolkata']);
    // Friday 27 Nov 18:30 in Kolkata (UTC+05:30).
    expect(saved.nextRecapAt?.toISOString()).toBe('2026-11-27T13:00:00.000Z');
    expect(shown(result)).toContain('Friday 2026-11-27 18:30 (Asia/Kolkata)');
  });

  it('reads a timezone abbreviation as the zone an admin means and says so', async () => {
    const result = await configure('ada', { channel: h.sandbox.channels.wins!, timezone: 'PST' });
    expect(result.message?.content).toMatch(/\(America\/Los_Angeles\)\. I read `PST` as US Pacific time, so I saved America\/Los_Angeles/);
    expect((await settings()).timezone).toBe('America/Los_Angeles');
    await configure('ada', { timezone: 'Asia/Kolkata' });
  });

  it('keeps earlier choices when only some options change', async () => {
    await configure('ada', { time: '7:05' });
    const saved = await settings();
    expect([saved.recapDay, saved.recapTime, saved.timezone]).toEqual([5, '07:05', 'Asia/Kolkata']);
  });

  it('stops showing the setup hint once configured', async () => {
    const result = await h.sandbox.chatInput('ada', { name: 'help' });
    await h.sandbox.idle();
    expect(result.followUps).toEqual([]);
  });

  it('turns check-ins on and off with their day', async () => {
    const on = await configure('ada', { enabled: true, day: 'wednesday' }, 'checkins');
    expect(on.message?.content).toMatch(/Check-ins are on.*Wednesdays/);
    expect(await settings()).toMatchObject({ checkinsEnabled: true, checkinDay: 3 });
    const off = await configure('ada', { enabled: false }, 'checkins');
    expect(off.message?.content).toMatch(/Check-ins are off/);
  });

  it('shows a delivery problem until an admin sets a channel again', async () => {
    await h.database.db.update(guilds).set({ recapProblem: 'I could not post in <#1>: missing permission.' }).where(eq(guilds.id, h.sandbox.guildId));
    expect(shown(await configure('ada', {}, 'show'))).toContain('Delivery problem');
    await configure('ada', { channel: h.sandbox.channels.general! });
    expect((await settings()).recapProblem).toBeNull();
    expect(shown(await configure('ada', {}, 'show'))).not.toContain('Delivery problem');
  });

  it('suggests timezones as the admin types, at most 25', async () => {
    const choices = await h.sandbox.autocomplete('ada', { name: 'config', subcommand: 'recap', options: { timezone: 'kolk' }, focused: 'timezone' });
    expect(choices.map((c) => c.value)).toContain('Asia/Kolkata');
    const all = await h.sandbox.autocomplete('ada', { name: 'config', subcommand: 'recap', options: { timezone: '' }, focused: 'timezone' });
    expect(all.length).toBeLessThanOrEqual(25);
  });

  it('sent nothing Discord would reject', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
