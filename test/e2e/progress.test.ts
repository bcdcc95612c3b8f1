import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setMemberTimezone } from '../../src/db/members.js';
import { startPause } from '../../src/db/pauses.js';
import { recordWin } from '../support/wins.js';
import { calendarSize, PNG_SCALE, WIN_CALENDAR_FILE } from '../../src/discord/render/win-calendar.js';
import type { InteractionResult } from '../../src/sandbox/types.js';
import { startHarness, type Harness } from '../support/harness.js';
import { acknowledgedWin } from '../support/answers.js';
import { pngSize } from '../support/png.js';

// Thursday 26 Nov 2026, 15:00 UTC: 10:00 in New York, where alice lives. Her week began Monday 23 Nov.
const start = '2026-11-26T15:00:00Z';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Alice's past wins per week (Monday in New York → wins); the week of 2 Nov is on pause and empty. */
const aliceWeeks: Record<string, number> = {
  '2026-08-31': 1,
  '2026-09-07': 2,
  '2026-09-14': 1,
  '2026-09-21': 1,
  '2026-09-28': 7, // the ghost
  '2026-10-05': 1, // ends a 6-week run (the best streak) …
  // 2026-10-12: nothing, not paused: the run breaks.
  '2026-10-19': 2,
  '2026-10-26': 3, // US clocks fall back on Sunday 1 Nov, the end of this week.
  '2026-11-09': 2,
  '2026-11-16': 3, // + one logged late on Sunday evening in New York, already Monday in UTC.
};

describe('/progress through discord.js and the sandbox', () => {
  let h: Harness;
  const key = (name: string) => ({ guildId: h.sandbox.guildId, userId: h.sandbox.user(name).id });
  const ask = (name: string, member?: string): Promise<InteractionResult> =>
    h.sandbox.chatInput(name, { name: 'progress', options: member ? { member } : {} });
  const text = (result: InteractionResult): string => {
    const embed = result.message?.embeds[0];
    return [embed?.title, embed?.description, ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]), embed?.footer?.text].join('\n');
  };

  beforeAll(async () => {
    h = await startHarness(start);
    for (const name of ['alice', 'bob', 'carol', 'dave']) h.sandbox.addUser(name);
    const db = h.database.db;
    const now = h.clock.now();
    await setMemberTimezone(db, key('alice'), 'America/New_York', now);
    for (const [monday, wins] of Object.entries(aliceWeeks)) {
      for (let i = 0; i < wins; i++) {
        // Tuesday 18:00 UTC (afternoon in New York), one day later per win; every third one private.
        const occurredAt = new Date(new Date(`${monday}T18:00:00Z`).getTime() + (1 + (i % 5)) * DAY_MS);
        await recordWin(db, { ...key('alice'), text: `win ${monday} #${i}`, isPrivate: i % 3 === 2, occurredAt }, occurredAt);
      }
    }
    // Sunday 22 Nov, 22:00 in New York: last week for alice, although it is Monday in UTC.
    const sundayNight = new Date('2026-11-23T03:00:00Z');
    await recordWin(db, { ...key('alice'), text: 'late-night win', isPrivate: true, occurredAt: sundayNight }, sundayNight);
    // A week away: Monday 2 Nov to Sunday 8 Nov in New York.
    await startPause(db, key('alice'), new Date('2026-11-02T12:00:00Z'), new Date('2026-11-08T12:00:00Z'));

    // Bob has plenty of wins of his own, which nobody else may see.
    for (let i = 0; i < 9; i++) {
      const at = new Date(Date.parse('2026-11-16T12:00:00Z') + i * DAY_MS);
      await recordWin(db, { ...key('bob'), text: `bob win ${i}`, isPrivate: false, occurredAt: at }, at);
    }
    // Carol logged two weeks running, then paused this Monday, still away.
    for (const at of ['2026-11-11T12:00:00Z', '2026-11-18T12:00:00Z'].map((iso) => new Date(iso))) {
      await recordWin(db, { ...key('carol'), text: 'carol win', isPrivate: false, occurredAt: at }, at);
    }
    await startPause(db, key('carol'), new Date('2026-11-23T09:00:00Z'), null);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('logs this week’s wins through /win', async () => {
    for (const [words, isPrivate] of [['walked', false], ['wrote a page', true], ['cooked', false], ['called mum', false]] as const) {
      const result = await h.sandbox.chatInput('alice', { name: 'win', options: { text: words, private: isPrivate } });
      expect(acknowledgedWin(result, words)).toBe(true);
      expect(result.ephemeral).toBe(isPrivate);
    }
  });

  it('shows alice her week against her own usual, her streaks and her ghost, privately', async () => {
    const result = await ask('alice');
    expect(result.ephemeral).toBe(true);
    const fields = Object.fromEntries((result.message?.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
    // Usual: 4, 2, (paused week left out), 3 → 3.
    expect(fields['This week']).toBe("4 wins this week — you usually log about 3 wins a week. You're ahead of your own pace! 🎉");
    // 19 Oct, 26 Oct, (2 Nov paused), 9 Nov, 16 Nov, this week → 5; the run from 31 Aug to 5 Oct was 6.
    expect(fields['Weekly streak']).toBe('🔥 5 weeks in a row with a win. Your best: 6 weeks.');
    expect(fields['Your best week']).toBe('👻 Your ghost: 7 wins in the week of 28 September 2026 — 3 to catch it.');
    expect(result.message?.embeds[0]?.footer?.text).toContain('America/New_York');
  });

  it('attaches the win calendar as a real PNG and shows it in the embed', async () => {
    const result = await ask('alice');
    const [attachment] = result.message?.attachments ?? [];
    expect(attachment?.filename).toBe(WIN_CALENDAR_FILE);
    expect(result.message?.embeds[0]?.image?.url).toBe(`attachment://${WIN_CALENDAR_FILE}`);
    const { width, height } = calendarSize(26);
    expect(pngSize(attachment?.data ?? Buffer.alloc(0))).toEqual({ width: width * PNG_SCALE, height: height * PNG_SCALE });
  });

  it('treats member:<yourself> as your own view', async () => {
    const result = await ask('alice', 'alice');
    expect(result.message?.embeds[0]?.fields?.[0]?.value).toMatch(/^4 wins this week/);
    expect(result.message?.attachments).toHaveLength(1);
  });

  it('tells a paused member their streak is frozen', async () => {
    const result = await ask('carol');
    const streak = result.message?.embeds[0]?.fields?.find((f) => f.name === 'Weekly streak')?.value;
    expect(streak).toBe("⏸️ You're on a pause, so your streak of 2 weeks is frozen, safe until you're back.");
  });

  it('greets a member without wins with a kind nudge, not zeros', async () => {
    const result = await ask('dave');
    expect(result.ephemeral).toBe(true);
    const shown = text(result);
    expect(shown).toContain("You haven't logged a win here yet");
    expect(shown).not.toMatch(/\b0\b/);
    expect(result.message?.attachments).toHaveLength(0);
  });

  it('shows none of bob’s figures to alice: only what he shared, which is nothing yet', async () => {
    const result = await ask('alice', 'bob');
    expect(result.ephemeral).toBe(true);
    const shown = text(result);
    expect(shown).toContain('Nothing shared yet');
    expect(shown).not.toMatch(/\d+ wins?|streak|ghost|usual/i);
    expect(shown).not.toMatch(/\b9\b/);
    expect(result.message?.attachments).toHaveLength(0);
    expect(result.message?.embeds[0]?.image).toBeUndefined();
    expect(result.message?.pings).toEqual({ users: [], roles: [], everyone: false });
  });

  it('kindly refuses to show a bot’s progress', async () => {
    const result = await ask('alice', h.sandbox.botUserId);
    expect(result.ephemeral).toBe(true);
    expect(result.message?.content).toMatch(/Bots don't log wins/);
  });

  it('sent nothing Discord would reject, and answered every interaction in time', () => {
    expect(h.sandbox.violations).toEqual([]);
  });
});
