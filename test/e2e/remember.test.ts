import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { logAsWin } from '../../commands/log-as-win.js';
import { remember } from '../../commands/remember.js';
import { wins } from '../../commands/wins.js';
import { setMemberTimezone } from '../../src/db/members.js';
import { listMemberWins, recordWin } from '../support/wins.js';
import { startHarness, type Harness } from '../support/harness.js';

// Works before and after commands/index.ts lists these (a name registered twice is refused).
const mine = new Set([wins, logAsWin, remember].map((c) => c.data.name));
const withoutMine = commands.filter((c) => !mine.has(c.data.name));

// Thursday 26 Nov 2026, 10:00 UTC: 15:45 in Kathmandu, still 26 Nov.
const start = '2026-11-26T10:00:00Z';
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

describe('/remember through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const winsOf = (name: string) => listMemberWins(h.database.db, key(name));
  const log = (name: string, text: string, occurredAt: string, isPrivate = false) =>
    recordWin(h.database.db, { ...key(name), text, isPrivate, occurredAt: new Date(occurredAt) }, h.clock.now());
  const rememberAs = async (name: string) => {
    const result = await h.sandbox.chatInput(name, { name: 'remember' });
    expect(result.ephemeral).toBe(true);
    return result;
  };

  beforeAll(async () => {
    h = await startHarness(start, { commands: [...withoutMine, wins, logAsWin, remember] });
    await setMemberTimezone(h.database.db, key('alice'), 'Asia/Kathmandu', h.clock.now());
    await log('alice', 'painted the fence', '2026-03-03T06:00:00Z');
    await log('alice', 'finished the quilt', '2026-10-26T06:00:00Z');
    // 25 Nov 2025 19:00 UTC was already 26 Nov in Kathmandu: a year ago today, for alice.
    await log('alice', 'first day at the new job', '2025-11-25T19:00:00Z');
    await log('alice', 'logged today', '2026-11-26T09:00:00Z');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('prefers a win from a year ago today, in the member’s timezone, and records that it was shown', async () => {
    const result = await rememberAs('alice');
    const embed = result.message?.embeds[0];
    expect(embed?.title).toBe('Remember this? 🌱');
    expect(embed?.description).toMatch(/^A year ago today you logged this win:\n> first day at the new job\n\n\S/);
    const shown = (await winsOf('alice')).find((w) => w.text === 'first day at the new job');
    expect(shown?.rememberedAt?.toISOString()).toBe(start.replace('Z', '.000Z'));
  });

  it('then a month ago today, then a random old one, never repeating within 30 days', async () => {
    h.clock.advance(MINUTE_MS);
    const second = await rememberAs('alice');
    expect(second.message?.embeds[0]?.description).toMatch(/^A month ago today you logged this win:\n> finished the quilt/);

    h.clock.advance(MINUTE_MS);
    const third = await rememberAs('alice');
    expect(third.message?.embeds[0]?.description).toMatch(/^On Tuesday 3 March 2026 — 8 months ago — you logged this win:\n> painted the fence/);
    expect((await winsOf('alice')).filter((w) => w.rememberedAt !== null)).toHaveLength(3);
  });

  it('brings back the one seen longest ago when every old win was shown lately', async () => {
    h.clock.advance(MINUTE_MS);
    const fourth = await rememberAs('alice');
    expect(fourth.message?.embeds[0]?.description).toMatch(/^You've looked back at all your older wins lately.*\n> first day at the new job/);
  });

  it('never brings back a win from the last 7 days', async () => {
    const texts = (await winsOf('alice')).filter((w) => w.rememberedAt !== null).map((w) => w.text);
    expect(texts).not.toContain('logged today');
  });

  it('nudges a member with no wins at all to log one', async () => {
    const result = await rememberAs('bob');
    expect(result.message?.content).toMatch(/^There's nothing to look back on yet .*`\/win` one small thing/);
    expect(result.message?.embeds).toEqual([]);
  });

  it('tells a member whose wins are all recent that one will come back after a week', async () => {
    // Exactly 7 days old is not yet older than 7 days.
    await log('bob', 'called my sister', new Date(h.clock.now().getTime() - 7 * DAY_MS).toISOString());
    const result = await rememberAs('bob');
    expect(result.message?.content).toMatch(/^Your wins are all from the last 7 days/);
    expect((await winsOf('bob'))[0]?.rememberedAt).toBeNull();
  });

  it('may show a private win, marked as private, since only its owner sees it', async () => {
    await log('ada', 'told my therapist the truth', '2026-06-14T12:00:00Z', true);
    const result = await rememberAs('ada');
    expect(result.message?.embeds[0]?.description).toContain('> told my therapist the truth');
    expect(result.message?.embeds[0]?.footer?.text).toMatch(/🔒/);
  });

  it('offers a win again once 30 days have passed since it was shown', async () => {
    h.clock.advance(31 * DAY_MS);
    const result = await rememberAs('alice');
    // 27 Dec: no anniversaries, so a random one among the three old wins, all fresh again.
    expect(result.message?.embeds[0]?.description).toMatch(/^On \w+ \d+ \w+ 20\d\d — .* — you logged this win:/);
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
    for (const message of h.sandbox.allMessages()) expect(message.pings).toEqual({ users: [], roles: [], everyone: false });
  });
});
