import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberSettings } from '../../src/db/members.js';
import { activeGoals } from '../../src/db/goals.js';
import { listMemberWins, recordWin } from '../support/wins.js';
import { startHarness, type Harness } from '../support/harness.js';

// Wednesday 25 Nov 2026, 23:30 UTC: already 05:15 on Thursday in Kathmandu.
const start = '2026-11-25T23:30:00Z';

describe('/settings through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const stored = (name: string) => memberSettings(h.database.db, key(name));
  const run = async (name: string, options: Record<string, string | boolean> = {}) => {
    const result = await h.sandbox.chatInput(name, { name: 'settings', options });
    expect(result.ephemeral).toBe(true);
    return result.message?.content ?? '';
  };
  const suggest = async (typed: string) =>
    h.sandbox.autocomplete('alice', { name: 'settings', options: { timezone: typed }, focused: 'timezone' });

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['cleo', 'dana', 'eli', 'fay', 'gus', 'hal', 'ivy']) h.sandbox.addUser(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("shows a new member the server's timezone, their local time, DMs off and no pause", async () => {
    const content = await run('cleo');
    expect(content).toContain("Timezone: **UTC** (the server's)");
    expect(content).toContain("it's 23:30 on Wednesday for you");
    expect(content).toContain('DMs: **off**');
    expect(content).toContain('not paused');
  });

  it('sets a timezone, stores it, and tells the member what time it is there', async () => {
    const content = await run('dana', { timezone: 'Asia/Kathmandu' });
    expect(content).toBe("Your days now run on Asia/Kathmandu time (it's 05:15 on Thursday there).");
    expect(await stored('dana')).toMatchObject({ timezone: 'Asia/Kathmandu', ownTimezone: 'Asia/Kathmandu' });
    expect(await run('dana')).toContain("Timezone: **Asia/Kathmandu** (your own) — it's 05:15 on Thursday for you.");
  });

  it('accepts an old name or any letter case and stores the current IANA name', async () => {
    const content = await run('eli', { timezone: 'Asia/Calcutta' });
    expect(content).toContain("Your days now run on Asia/Kolkata time (it's 05:00 on Thursday there).");
    expect(content).toContain('`Asia/Calcutta` is also known as Asia/Kolkata');
    expect((await stored('eli')).ownTimezone).toBe('Asia/Kolkata');

    await run('eli', { timezone: 'europe/kiev' });
    expect((await stored('eli')).ownTimezone).toBe('Europe/Kyiv');
  });

  it('refuses an unknown timezone kindly, suggests close names, and changes nothing', async () => {
    await run('fay', { timezone: 'Asia/Kathmandu', dms: true });
    const content = await run('fay', { timezone: 'Asia/Kolkatta', dms: false });
    expect(content).toMatch(/I don't know a timezone called `Asia\/Kolkatta`\. Did you mean `Asia\/Kolkata`\?/);
    expect(await stored('fay')).toMatchObject({ ownTimezone: 'Asia/Kathmandu', dms: true });

    const offset = await run('fay', { timezone: '+05:30' });
    expect(offset).toMatch(/I don't know a timezone called `\+05:30`.*Europe\/Paris/);
  });

  it('reads abbreviations, cities and fixed offsets the way members mean them, and says what it saved', async () => {
    const est = await run('ivy', { timezone: 'EST' });
    expect(est).toContain('Your days now run on America/New_York time');
    expect(est).toContain('I read `EST` as US Eastern time, so I saved America/New_York');
    expect((await stored('ivy')).ownTimezone).toBe('America/New_York');

    expect(await run('ivy', { timezone: 'Paris' })).toContain('Your days now run on Europe/Paris time');
    expect((await stored('ivy')).ownTimezone).toBe('Europe/Paris');

    const fixed = await run('ivy', { timezone: 'GMT+2' });
    expect(fixed).toContain('Etc/GMT-2 is a fixed UTC+2 all year');
    expect(fixed).toContain('no daylight saving');
    expect((await stored('ivy')).ownTimezone).toBe('Etc/GMT-2');

    const mars = await run('ivy', { timezone: 'Mars/Olympus' });
    expect(mars).toContain("I don't know a timezone called `Mars/Olympus`");
    expect(mars).not.toContain('Did you mean');
    expect((await stored('ivy')).ownTimezone).toBe('Etc/GMT-2');
  });

  it("goes back to the server's timezone with `server` or `default`", async () => {
    await run('gus', { timezone: 'America/New_York' });
    const content = await run('gus', { timezone: 'server' });
    expect(content).toBe("Your days now follow the server's timezone, UTC (it's 23:30 on Wednesday there).");
    expect(await stored('gus')).toMatchObject({ ownTimezone: null, timezone: 'UTC' });

    await run('gus', { timezone: 'Europe/Paris' });
    await run('gus', { timezone: 'Default' });
    expect((await stored('gus')).ownTimezone).toBeNull();
  });

  it('turns DMs on and off, and says what DMs are used for', async () => {
    const on = await run('hal', { dms: true });
    expect(on).toMatch(/only DM you for check-in prompts, your personal weekly recap, and the plan reminders and fresh starts you ask for/);
    expect((await stored('hal')).dms).toBe(true);
    expect(await run('hal')).toContain('DMs: **on**');

    const off = await run('hal', { dms: false });
    expect(off).toMatch(/DMs are off/);
    expect((await stored('hal')).dms).toBe(false);
  });

  it('changes timezone and DMs together, confirming both', async () => {
    const content = await run('cleo', { timezone: 'Europe/Kyiv', dms: true });
    expect(content).toContain("Your days now run on Europe/Kyiv time (it's 01:30 on Thursday there).");
    expect(content).toContain('DMs are on');
    expect(await stored('cleo')).toMatchObject({ ownTimezone: 'Europe/Kyiv', dms: true });
  });

  it('suggests at most 25 timezones, with the closest first', async () => {
    const values = async (typed: string) => (await suggest(typed)).map((c) => c.value);
    expect((await values('kolk'))[0]).toBe('Asia/Kolkata');
    expect((await values('new york'))[0]).toBe('America/New_York');
    expect((await values('calcutta'))[0]).toBe('Asia/Kolkata');
    expect(await values('kathm')).toEqual(['Asia/Kathmandu']);
    const all = await suggest('');
    expect(all.length).toBe(25);
    expect(all[0]).toEqual({ name: "Use the server's timezone", value: 'server' });
    expect((await suggest('a')).length).toBe(25);
    expect(await suggest('zzzz')).toEqual([]);
  });

  it('puts the reading /settings would accept first: an abbreviation, an offset or a city', async () => {
    const [est, ...rest] = await suggest('est');
    expect(est).toEqual({ name: 'America/New_York: US Eastern time, for EST (18:30 on Wednesday now)', value: 'America/New_York' });
    expect(rest.map((c) => c.value)).not.toContain('America/New_York');
    expect(rest.length).toBeGreaterThan(0);
    expect((await suggest('gmt+2'))[0]?.value).toBe('Etc/GMT-2');
    expect((await suggest('paris'))[0]?.value).toBe('Europe/Paris');
  });

  it("shows each suggestion's local time so a member can recognise their own", async () => {
    const [kolkata] = await suggest('kolkata');
    expect(kolkata).toEqual({ name: 'Asia/Kolkata (05:00 on Thursday now)', value: 'Asia/Kolkata' });
  });

  it('puts /win when:yesterday on yesterday in the timezone chosen with /settings', async () => {
    // Kathmandu's today is Thursday 26 Nov while UTC's is still Wednesday 25 Nov.
    await run('dana', { timezone: 'Asia/Kathmandu' });
    const result = await h.sandbox.chatInput('dana', { name: 'win', options: { text: 'stretched', when: 'yesterday' } });
    expect(result.message?.embeds[0]?.description).toContain('(logged for yesterday)');
    const [win] = await listMemberWins(h.database.db, key('dana'));
    // Noon on 25 Nov in Kathmandu (UTC+05:45).
    expect(win?.occurredAt.toISOString()).toBe('2026-11-25T06:15:00.000Z');
  });

  it('says which past counts a new timezone rewrote, rather than changing them silently', async () => {
    await run('eli', { timezone: 'UTC' });
    await h.sandbox.chatInput('eli', { name: 'goal', subcommand: 'add', options: { title: 'Read a book', target: 1, period: 'week' } });
    const [goal] = await activeGoals(h.database.db, key('eli'));
    // Monday 30 Nov 00:30 UTC is still Sunday 29 Nov evening in New York: another week there.
    const occurredAt = new Date('2026-11-30T00:30:00Z');
    await recordWin(h.database.db, { ...key('eli'), text: 'read a chapter', isPrivate: false, occurredAt, goalId: goal?.id }, occurredAt);
    h.clock.set(new Date('2026-12-08T12:00:00Z'));
    const content = await run('eli', { timezone: 'America/New_York' });
    expect(content).toContain('Your days now run on America/New_York time');
    expect(content).toContain('these counts changed');
    expect(content).toContain('Read a book, week of 30 Nov 2026: 1/1 (met) → 0/1');
    // Saying nothing changed when nothing moved.
    expect(await run('eli', { dms: false })).not.toContain('counts changed');
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
