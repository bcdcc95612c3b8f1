import { describe, expect, it } from 'vitest';
import { whenChoices } from '../../src/domain/when-choices.js';
import { parseWinDay } from '../../src/domain/win-input.js';

// Wednesday 25 Nov 2026, 10:00 UTC.
const now = new Date('2026-11-25T10:00:00Z');

describe('the `when:` suggestions speak the member’s language (SPEC §12)', () => {
  it('keeps English as it was', () => {
    const all = whenChoices('', 'UTC', now, 'en-US');
    expect(all.slice(0, 3)).toEqual([
      { name: 'today (2026-11-25)', value: 'today' },
      { name: 'yesterday (2026-11-24)', value: 'yesterday' },
      { name: '2026-11-23 (Monday, 2 days ago)', value: '2026-11-23' },
    ]);
  });

  it('words today, yesterday, weekdays and days ago in German and Japanese; values stay what /win reads', () => {
    const de = whenChoices('', 'UTC', now, 'de');
    expect(de.slice(0, 3)).toEqual([
      { name: 'heute (2026-11-25)', value: 'today' },
      { name: 'gestern (2026-11-24)', value: 'yesterday' },
      { name: '2026-11-23 (Montag, vorgestern)', value: '2026-11-23' },
    ]);
    expect(JSON.stringify(de)).not.toMatch(/today \(|yesterday \(|days ago|Monday/);
    const ja = whenChoices('', 'UTC', now, 'ja');
    expect(ja[0]?.name).toBe('今日 (2026-11-25)');
    expect(JSON.stringify(ja)).not.toMatch(/today \(|days ago/);
    // What a member types matches the words shown, or the value itself.
    expect(whenChoices('gest', 'UTC', now, 'de').map((c) => c.value)).toEqual(['yesterday', '2026-11-23']); // gestern, vorgestern
    expect(whenChoices('yesterday', 'UTC', now, 'de').map((c) => c.value)).toEqual(['yesterday']);
    expect(whenChoices('montag', 'UTC', now, 'de').map((c) => c.value)).toEqual(['2026-11-23', '2026-11-16']);
  });
});

describe('`when:` typed in the words the suggestions showed', () => {
  it('reads today and yesterday in every language the bot speaks', () => {
    for (const word of ['heute', "aujourd’hui", 'hoy', 'hoje', '今日', 'Today']) {
      expect(parseWinDay(word, 'UTC', now)).toMatchObject({ ok: true, value: { daysAgo: 0 } });
    }
    for (const word of ['gestern', 'hier', 'ayer', 'ontem', '昨日', ' Yesterday ']) {
      expect(parseWinDay(word, 'UTC', now)).toMatchObject({ ok: true, value: { daysAgo: 1 } });
    }
    expect(parseWinDay('someday', 'UTC', now)).toMatchObject({ ok: false, problem: 'when-unknown' });
  });
});
