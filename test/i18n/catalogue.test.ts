import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { celebrationOf } from '../../src/domain/celebrate.js';
import { msg } from '../../src/domain/message.js';
import { composeRecap } from '../../src/domain/recap/compose.js';
import { ENCOURAGEMENT_BANK } from '../../src/domain/recap/encouragement.js';
import { composePersonalRecap } from '../../src/domain/recap/personal.js';
import type { PersonalWeekData, RecapWeekData, RecapWin } from '../../src/domain/recap/types.js';
import { renderCelebration } from '../../src/discord/render/celebrate-win.js';
import { renderPersonalRecap } from '../../src/discord/render/dm-recap.js';
import { checkinsChangedText, configEmbed, recapChangedText } from '../../src/discord/render/config.js';
import { planLine, planSavedText } from '../../src/discord/render/plans.js';
import { renderRecap } from '../../src/discord/render/recap.js';
import type { Guild } from '../../src/db/schema.js';
import { winListMessage } from '../../src/discord/render/win-list.js';
import { CATALOGUES, LOCALES, localeFromAcceptLanguage, localeOf, sourceOf, t, translator, type Locale } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/catalogue/en.js';
import { limitProblems, seeded } from '../domain/recap-support.js';

/** The names of the values a message takes, however deep in plurals and selects. */
function placeholders(source: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes as { type: number; value?: string; options?: Record<string, { value: unknown[] }> }[]) {
      if (node.type >= 1 && node.type <= 6 && node.value) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

const keys = Object.keys(en);
const others = LOCALES.filter((locale) => locale !== 'en');

describe('the message catalogues', () => {
  it('have every message in every language, and none English lacks', () => {
    for (const locale of others) {
      const own = Object.keys(CATALOGUES[locale]);
      expect(keys.filter((key) => !own.includes(key)), `${locale} lacks`).toEqual([]);
      expect(own.filter((key) => !keys.includes(key)), `${locale} has extra`).toEqual([]);
    }
  });

  it('are built once, on first read, and are all listed', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(CATALOGUES[locale]).toBe(CATALOGUES[locale]);
    expect({ ...CATALOGUES }.fr['common.aMember']).toBe('Un membre');
  });

  it('hold every encouragement line of the bank (at least 40) in every language', () => {
    expect(ENCOURAGEMENT_BANK.length).toBeGreaterThanOrEqual(40);
    for (const locale of LOCALES) for (const line of ENCOURAGEMENT_BANK) expect(CATALOGUES[locale][`encouragement.${line.id}`], `${locale} ${line.id}`).toBeTruthy();
  });

  it('take the same values in every language, so no placeholder is lost or invented', () => {
    const differing: string[] = [];
    // Beside {weekday} every message also gets {day} (monday…sunday), for a language whose article follows the day.
    const companions = (names: string[]) => (names.includes('weekday') ? names.filter((name) => name !== 'day') : names).join(',');
    for (const key of keys) {
      const expected = companions(placeholders(en[key as keyof typeof en] ?? '', 'en'));
      for (const locale of others) {
        const source = (CATALOGUES[locale] as Record<string, string>)[key];
        if (source !== undefined && companions(placeholders(source, locale)) !== expected) differing.push(`${locale} ${key}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('fall back to English for a missing message, never to its key', () => {
    const withoutOne = { ...CATALOGUES, de: { ...CATALOGUES.de, 'win.footer.public': undefined } };
    expect(sourceOf('de', 'win.footer.public', withoutOne)).toEqual({ locale: 'en', source: 'Every size counts.' });
    expect(() => t('de', 'no.such.message')).toThrow();
  });

  it('follow each language’s plural and ordinal rules', () => {
    expect(t('en', 'win.adds.nth', { count: 22, current: 'yes', when: '' })).toBe('That\'s your 22nd win this week.');
    expect(t('fr', 'win.adds.nth', { count: 1, current: 'yes', when: '' })).toContain('1re victoire');
    expect(t('de', 'win.adds.nth', { count: 3, current: 'yes', when: '' })).toBe('Das ist dein 3. Erfolg diese Woche.');
    expect(t('pt-BR', 'wins.footer', { page: 1, pages: 2, total: 1 })).toContain('1 conquista ·');
    expect(t('de', 'wins.footer', { page: 1, pages: 2, total: 1204 })).toContain('· 1.204 Erfolge ·');
    expect(t('ja', 'win.adds.nth', { count: 3, current: 'yes', when: '' })).toBe('今週3回目の記録です。');
  });

  it('say dates, weekdays and months in each language', () => {
    // ICU separates with thin and narrow spaces: compared as plain spaces.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    const first = { year: 2026, month: 11, day: 30 };
    const last = { year: 2026, month: 12, day: 6 };
    expect(translator('en').dateSpan(first, last)).toBe('30 Nov – 6 Dec');
    expect(plain(translator('de').dateSpan(first, last))).toBe('30. Nov. – 6. Dez.');
    expect(plain(translator('ja').dateSpan(first, last))).toBe('11月30日～12月6日');
    expect(translator('fr').weekday(1)).toBe('Lundi');
    expect(translator('es-ES').month(3)).toBe('marzo');
    expect(translator('pt-BR').dayMonthYear(first)).toBe('30 de novembro de 2026');
  });

  it('put the right article before every weekday: todo sábado, toda segunda-feira; cada lunes, chaque samedi, jeden Sonntag', () => {
    const guild = (day: number): Guild => ({
      id: '1', timezone: 'America/Sao_Paulo', createdAt: new Date(0), recapChannelId: '2', recapDay: day, recapTime: '18:00', nextRecapAt: null,
      recapProblem: null, recapConfiguredAt: null, checkinsEnabled: true, checkinDay: day, consistencyRole: false, locale: null, recapLocale: null, leftAt: null,
    });
    const plan = (day: number) => ({ id: 1, guildId: '1', userId: '2', title: 'Ler', planWhen: 'depois do almoço', planThen: 'ler', planAt: '13:00', planDay: day, planReminders: true });
    const lines = (day: number, locale: Locale): string => {
      const tr = translator(locale);
      const embed = configEmbed(guild(day), new Date('2026-11-25T12:00:00Z'), tr);
      const change = { saved: guild(day), timezoneNote: undefined, passedOverTo: new Date('2026-12-05T21:00:00Z') };
      return [
        ...(embed.fields ?? []).map((f) => f.value),
        recapChangedText(change, tr),
        checkinsChangedText(guild(day), tr),
        planLine(plan(day), true, tr) ?? '',
        planLine(plan(day), false, tr) ?? '',
        planSavedText(plan(day), true, tr),
        planSavedText(plan(day), false, tr),
      ].join('\n');
    };
    const saturday = lines(6, 'pt-BR');
    expect(saturday).toContain('todo sábado');
    expect(saturday).toContain('no sábado');
    expect(saturday).not.toMatch(/\b(toda|na) sábado/);
    expect(lines(7, 'pt-BR')).toContain('todo domingo');
    expect(lines(7, 'pt-BR')).not.toMatch(/\btoda domingo/);
    for (const day of [1, 2, 3, 4, 5]) {
      expect(lines(day, 'pt-BR')).toMatch(/toda \S+-feira/);
      expect(lines(day, 'pt-BR')).toMatch(/na \S+-feira/);
      expect(lines(day, 'pt-BR')).not.toMatch(/\btodo \S+-feira/);
    }
    // Every weekday is masculine in French, Spanish and German: one article fits all seven.
    for (const day of [1, 6, 7]) {
      expect(lines(day, 'fr')).toMatch(/chaque (lundi|samedi|dimanche)/);
      expect(lines(day, 'es-ES')).toMatch(/cada (lunes|sábado|domingo)/);
      expect(lines(day, 'de')).toMatch(/jeden (Montag|Samstag|Sonntag)/);
    }
  });

  it('map Discord’s locales and a browser’s Accept-Language to ours', () => {
    expect(['en-US', 'en-GB', 'de', 'fr', 'es-ES', 'es-419', 'pt-BR', 'ja', 'ko', undefined].map(localeOf)).toEqual(['en', 'en', 'de', 'fr', 'es-ES', 'es-ES', 'pt-BR', 'ja', 'en', 'en']);
    expect(localeFromAcceptLanguage('ko-KR,ko;q=0.9,ja;q=0.8,en;q=0.5')).toBe('ja');
    expect(localeFromAcceptLanguage('pt-PT;q=0.4, de-AT;q=0.7')).toBe('de');
    expect(localeFromAcceptLanguage('ko')).toBeUndefined();
  });
});

// Long names and long words: the fullest a message can be.
const longId = '9'.repeat(19);
const longText = 'wörter '.repeat(72).trim();

function fullestRecapWeek(goalsMet: number, partners: number): RecapWeekData {
  const publicWins: RecapWin[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, userId: `${longId.slice(0, 17)}${String(i).padStart(2, '0')}`, text: longText, occurredAt: new Date('2026-11-25T12:00:00Z') }));
  return {
    firstDay: { year: 2026, month: 12, day: 28 },
    lastDay: { year: 2027, month: 1, day: 10 },
    timezone: 'Pacific/Chatham',
    memberCount: 99_999,
    winCount: 9_999_999,
    goalsMet,
    publicWins,
    archive: { win: { id: 0, userId: longId, text: longText, occurredAt: new Date('2025-12-30T12:00:00Z') }, kind: 'older' },
    previousWeekCounts: [0, 0, 0],
    firstRecap: false,
    firstTimers: 40,
    partnerGroups: Array.from({ length: partners }, (_, i) => [`${longId.slice(0, 16)}${String(i).padStart(3, '0')}`, `${longId.slice(0, 15)}${String(i).padStart(4, '0')}`]),
    lateByMinutes: 600,
  };
}

describe('every language within Discord’s limits', () => {
  it('the server recap at its fullest', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.integer(), fc.nat(100_000), fc.nat(80), (locale: Locale, seed, goalsMet, partners) => {
        const content = composeRecap(fullestRecapWeek(goalsMet, partners), { random: seeded(seed), recentLineIds: new Set() });
        expect(limitProblems(renderRecap(content, translator(locale)), 5000)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('the DM recap with many long goals, an old win and partners', () => {
    const goal = (i: number): PersonalWeekData['goals'][number] => ({
      title: `${'Ziel '.repeat(20)}${i}`,
      target: 100,
      count: 99,
      period: 'month',
      periodWords: msg('dm.periodWords.month', { month: { month: 9 } }),
      outcome: 'missed',
      smallerOffer: 50,
    });
    const data: PersonalWeekData = {
      weekStart: { year: 2026, month: 9, day: 28 },
      timezone: 'Europe/Berlin',
      winsThisWeek: 1,
      usualWeek: 12.5,
      streaks: { current: 0, best: 52, bestBefore: 52 },
      pausedNow: false,
      weekOver: true,
      goals: Array.from({ length: 10 }, (_, i) => goal(i)),
      oldWin: { text: longText, occurredAt: new Date('2025-09-30T12:00:00Z') },
    };
    for (const locale of LOCALES) {
      const content = { ...composePersonalRecap(data, { random: seeded(3) }), partners: [longId, longId] };
      expect(limitProblems(renderPersonalRecap(content, translator(locale)), 5000), locale).toEqual([]);
    }
  });

  it('the /win reply and the /wins list with the longest words and titles', () => {
    const win = { id: 6, userId: longId, text: 'ä'.repeat(500), isPrivate: false };
    const counts = { weekCount: 999, weekPublicCount: 998, firstEver: false, firstPublic: false, goal: { count: 100, publicCount: 99, target: 100, period: 'month' as const } };
    for (const locale of LOCALES) {
      const tr = translator(locale);
      const { embed, privateLines } = renderCelebration(celebrationOf({ win, counts, daysAgo: 14, weekIsCurrent: false, goal: { title: 'Z'.repeat(100), share: 'server', periodIsCurrent: false } }), tr);
      expect(limitProblems({ embeds: [embed], allowed_mentions: { parse: [] } }), locale).toEqual([]);
      expect(privateLines.join('\n').length).toBeLessThan(2000);
      const wins = Array.from({ length: 5 }, (_, i) => ({ id: i, guildId: '1', userId: longId, text: 'wörter '.repeat(80), isPrivate: true, occurredAt: new Date('2026-01-01T12:00:00Z'), createdAt: new Date(), goalId: null }));
      const view = { ownerId: longId, period: 'all' as const, page: 999, pages: 999, perPage: 5, total: 99_999, wins, timezone: 'Asia/Tokyo', notice: tr.t('wins.deleted', { text: 'x'.repeat(80) }) };
      const list = winListMessage(view as Parameters<typeof winListMessage>[0], tr);
      expect(limitProblems({ ...list, allowed_mentions: { parse: [] } }), locale).toEqual([]);
      for (const row of list.components) for (const button of row.components) expect((button as { label?: string }).label?.length ?? 0).toBeLessThanOrEqual(80);
    }
  });
});
