import { describe, expect, it } from 'vitest';
import { describeWinAdds as describeWinAddsMsg, ordinal } from '../../src/domain/celebrate.js';
import { english } from '../../src/i18n/index.js';

const describeWinAdds = (tally: Parameters<typeof describeWinAddsMsg>[0]) => english.say(describeWinAddsMsg(tally));
import { whenChoices } from '../../src/domain/when-choices.js';
import { parseWinDay, parseWinText } from '../../src/domain/win-input.js';

// 23:30 UTC on Wednesday 25 Nov 2026: already Thursday in Kathmandu, still Wednesday in New York.
const now = new Date('2026-11-25T23:30:00Z');

describe('win text', () => {
  it('is trimmed and otherwise kept exactly as written, markdown included', () => {
    expect(parseWinText('  **wrote** 300 words  \n')).toEqual({ ok: true, value: '**wrote** 300 words' });
  });

  it('must not be empty or only spaces', () => {
    expect(parseWinText('   ')).toMatchObject({ ok: false, problem: 'text-empty' });
    expect(parseWinText(undefined)).toMatchObject({ ok: false, problem: 'text-empty' });
  });

  it('may be 500 characters but not 501, counting an emoji as one', () => {
    expect(parseWinText('a'.repeat(500)).ok).toBe(true);
    expect(parseWinText('🌱'.repeat(500)).ok).toBe(true);
    expect(parseWinText('a'.repeat(501))).toMatchObject({ ok: false, problem: 'text-too-long', length: 501, max: 500 });
  });
});

describe('when a win happened', () => {
  it('defaults to now, today in the member’s timezone', () => {
    const day = parseWinDay(undefined, 'Asia/Kathmandu', now);
    expect(day).toMatchObject({ ok: true, value: { date: { year: 2026, month: 11, day: 26 }, daysAgo: 0 } });
    if (day.ok) expect(day.value.occurredAt).toEqual(now);
  });

  it('takes yesterday in the member’s timezone, stored at local noon', () => {
    const nepal = parseWinDay('yesterday', 'Asia/Kathmandu', now);
    expect(nepal).toMatchObject({ ok: true, value: { date: { year: 2026, month: 11, day: 25 }, daysAgo: 1 } });
    if (nepal.ok) expect(nepal.value.occurredAt.toISOString()).toBe('2026-11-25T06:15:00.000Z');
    const newYork = parseWinDay('Yesterday', 'America/New_York', now);
    expect(newYork).toMatchObject({ ok: true, value: { date: { year: 2026, month: 11, day: 24 } } });
    if (newYork.ok) expect(newYork.value.occurredAt.toISOString()).toBe('2026-11-24T17:00:00.000Z');
  });

  it('accepts a date up to 14 days back and refuses 15', () => {
    expect(parseWinDay('2026-11-11', 'UTC', now)).toMatchObject({ ok: true, value: { daysAgo: 14 } });
    expect(parseWinDay('2026-11-10', 'UTC', now)).toMatchObject({ ok: false, problem: 'when-too-old', maxDays: 14 });
  });

  it('refuses the future, impossible dates and anything else', () => {
    expect(parseWinDay('2026-11-26', 'UTC', now)).toMatchObject({ ok: false, problem: 'when-future' });
    expect(parseWinDay('2026-11-26', 'Asia/Kathmandu', now).ok).toBe(true);
    for (const bad of ['2026-02-30', '26-11-25', 'last week', '2026-11-25T10:00', 'tomorrow']) {
      expect(parseWinDay(bad, 'UTC', now)).toMatchObject({ ok: false, problem: 'when-unknown' });
    }
    // The example offered is a date the window accepts, on the member's own calendar.
    expect(parseWinDay('someday', 'UTC', now)).toMatchObject({ example: '2026-11-23' });
    expect(parseWinDay('someday', 'Asia/Kathmandu', now)).toMatchObject({ example: '2026-11-24' });
  });

  it('offers today, yesterday and the last 14 dates, filtered by what was typed', () => {
    const all = whenChoices('', 'UTC', now);
    expect(all).toHaveLength(15);
    expect(all[0]).toEqual({ name: 'today (2026-11-25)', value: 'today' });
    expect(all.at(-1)?.value).toBe('2026-11-11');
    expect(whenChoices('yest', 'UTC', now).map((c) => c.value)).toEqual(['yesterday']);
    expect(whenChoices('monday', 'UTC', now).map((c) => c.value)).toEqual(['2026-11-23', '2026-11-16']);
  });
});

describe('what a win adds', () => {
  it('uses English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 102, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '102nd', '111th',
    ]);
  });

  it('welcomes a first win and counts the week’s wins after that', () => {
    expect(describeWinAdds({ weekCount: 1, currentWeek: true, firstHere: true, daysAgo: 0 })).toMatch(/first win here/);
    expect(describeWinAdds({ weekCount: 3, currentWeek: true, firstHere: false, daysAgo: 0 })).toBe("That's your 3rd win this week.");
    expect(describeWinAdds({ weekCount: 2, currentWeek: false, firstHere: false, daysAgo: 10 })).toBe(
      "That's your 2nd win that week. (from 10 days ago)",
    );
  });
});
