import { describe, expect, it } from 'vitest';
import { renderRecap } from '../../src/discord/render/recap.js';
import { composeRecap } from '../../src/domain/recap/compose.js';
import { ENCOURAGEMENT_BANK } from '../../src/domain/recap/encouragement.js';
import { chooseEncouragement } from '../../src/domain/recap/situation.js';
import { CATALOGUES, LOCALES, translator, type Locale } from '../../src/i18n/index.js';
import { seeded, weekData, win } from './recap-support.js';

/**
 * Words that speak of one week in each language (SPEC §4: "this week" only when the recap covers one
 * week). Plurals ("quiet weeks come to everyone") speak of no week in particular; Japanese has no plural,
 * so any 週 counts there.
 */
const ONE_WEEK: Record<Locale, RegExp> = {
  en: /week(?!s)/i,
  de: /woche(?!n)/i,
  fr: /semaine(?!s)/i,
  'es-ES': /semana(?!s)/i,
  'pt-BR': /semana(?!s)/i,
  ja: /週/,
};

const A = '100000000000000001';
// Monday 30 Nov to Sunday 13 Dec 2026: the recap that follows a move from Monday morning to Sunday evening.
const twoWeeks = { firstDay: { year: 2026, month: 11, day: 30 }, lastDay: { year: 2026, month: 12, day: 13 } };

describe('a recap covering more than one week', () => {
  it('has every language of SPEC §12 covered here', () => {
    expect(Object.keys(ONE_WEEK).sort()).toEqual([...LOCALES].sort());
  });

  it('introduces a win from a year ago without saying "this week", in every language', () => {
    const archived = { ...win(A, 'finished the first draft'), occurredAt: new Date('2025-12-10T12:00:00Z') };
    const content = composeRecap(weekData({ ...twoWeeks, archive: { win: archived, kind: 'year' } }), { random: seeded(1), recentLineIds: new Set() });
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const field = renderRecap(content, tr).embeds?.[0]?.fields?.find((f) => f.name === tr.t('recap.archive'));
      const intro = field?.value.split('\n')[0] ?? expect.unreachable(`${locale}: no archive field`);
      expect(intro, locale).not.toMatch(ONE_WEEK[locale]);
      expect(intro, locale).toContain(`<@${A}>`);
    }
  });

  it('still says "a year ago this week" when the recap covers one week', () => {
    const archived = { ...win(A, 'finished the first draft'), occurredAt: new Date('2025-11-25T12:00:00Z') };
    const content = composeRecap(weekData({ archive: { win: archived, kind: 'year' } }), { random: seeded(1), recentLineIds: new Set() });
    expect(renderRecap(content).embeds?.[0]?.fields?.at(-1)?.value).toMatch(/^A year ago this week, <@\d+> logged:/);
  });

  it('never draws an encouragement line that speaks of one week in any of the six catalogues', () => {
    const allowedOverWeeks: string[] = [];
    const textsOf = (id: string) => LOCALES.map((locale) => ({ locale, text: (CATALOGUES[locale] as Record<string, string | undefined>)[`encouragement.${id}`] ?? '' }));
    for (const line of ENCOURAGEMENT_BANK) {
      // Everything else used lately: the line is chosen if and only if a multi-week recap may use it.
      const recent = new Set(ENCOURAGEMENT_BANK.filter((other) => other.id !== line.id).map((other) => other.id));
      const chosen = chooseEncouragement([line.situation], recent, seeded(1), { oneWeek: false });
      expect(chosen.length <= 1 && (chosen.length === 0 || chosen[0]?.id === line.id), line.id).toBe(true);
      if (chosen.length === 1) allowedOverWeeks.push(line.id);
      // A line kept out speaks of one week somewhere, so the pools are not thinned for nothing.
      else expect(textsOf(line.id).some(({ locale, text }) => ONE_WEEK[locale].test(text)), `${line.id} is kept out of longer recaps`).toBe(true);
    }
    const speaking = allowedOverWeeks.flatMap((id) => textsOf(id).filter(({ locale, text }) => ONE_WEEK[locale].test(text)).map(({ locale, text }) => `${locale} ${id}: ${text}`));
    expect(speaking).toEqual([]);
    // Enough is left for every kind of week: the general lines stand in for the rest.
    expect(allowedOverWeeks.filter((id) => id.startsWith('steady-')).length).toBeGreaterThanOrEqual(8);
  });

  it('in Japanese, says neither 今週 nor 一週間 in its encouragement, whatever the situation', () => {
    const tr = translator('ja');
    for (const previousWeekCounts of [[0, 3, 3, 3], [20, 20, 20, 20], [1, 1, 1, 1], []]) {
      for (let seed = 0; seed < 40; seed++) {
        const content = composeRecap(weekData({ ...twoWeeks, previousWeekCounts, firstTimers: seed % 2 }), { random: seeded(seed), recentLineIds: new Set() });
        for (const id of content.lineIds) expect(tr.t(`encouragement.${id}`), id).not.toMatch(ONE_WEEK.ja);
      }
    }
  });
});
