import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CALENDAR_FONT_FILE, CALENDAR_FONT_SIZE, calendarFontFiles, calendarSize, JAPANESE_FONT_FILE, renderCalendarPng, winCalendarSvg } from '../../src/discord/render/win-calendar.js';
import { addDays, formatLocalDate, mondayOf, parseLocalDate } from '../../src/domain/time.js';
import { LOCALES, translator, type Locale } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/catalogue/en.js';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  what: string;
}

const date = (s: string) => parseLocalDate(s) ?? expect.unreachable(`bad date ${s}`);
const familyOf = (svg: string) => /font-family="([^"]+)"/.exec(svg)?.[1] ?? '';

// Where a label's ink really falls, from resvg itself, relative to its anchor point (measured once per label).
const measured = new Map<string, Omit<Box, 'what'>>();
function inkOf(label: string, anchor: string, family: string, fonts: readonly string[]): Omit<Box, 'what'> {
  const id = `${family}\u0000${anchor}\u0000${label}`;
  const known = measured.get(id);
  if (known) return known;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100"><text x="300" y="50" text-anchor="${anchor}" font-family="${family}" font-size="${CALENDAR_FONT_SIZE}">${label}</text></svg>`;
  const box = new Resvg(svg, { font: { fontFiles: [...fonts], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).getBBox();
  if (!box || !(box.width > 0)) throw new Error(`"${label}" draws nothing in ${family}`);
  const ink = { left: box.x - 300, right: box.x + box.width - 300, top: box.y - 50, bottom: box.y + box.height - 50 };
  measured.set(id, ink);
  return ink;
}

/** Every label's real ink and every square (cells and legend swatches) of a calendar SVG. */
function boxesOf(svg: string, locale: Locale): { texts: Box[]; squares: Box[]; width: number; height: number } {
  const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
  const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
  const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)">([^<]*)<\/text>/g)].map(([, x, y, anchor, label]) => {
    const ink = inkOf(label ?? '', anchor ?? 'start', familyOf(svg), calendarFontFiles(locale));
    return { left: Number(x) + ink.left, right: Number(x) + ink.right, top: Number(y) + ink.top, bottom: Number(y) + ink.bottom, what: `"${label}"` };
  });
  const squares = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map(([, x, y, w, h]) => ({
    left: Number(x),
    right: Number(x) + Number(w),
    top: Number(y),
    bottom: Number(y) + Number(h),
    what: `square at ${x},${y}`,
  }));
  return { texts, squares, width, height };
}

const overlap = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function problemsOf(svg: string, locale: Locale): string[] {
  const { texts, squares, width, height } = boxesOf(svg, locale);
  const problems: string[] = [];
  for (const t of texts) {
    if (t.left < 2 || t.right > width - 2 || t.top < 2 || t.bottom > height - 2) problems.push(`${t.what} leaves the ${width}×${height} image`);
    for (const s of squares) if (overlap(t, s)) problems.push(`${t.what} covers the ${s.what}`);
  }
  texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => overlap(a, b) && problems.push(`${a.what} overlaps ${b.what}`)));
  return problems;
}

// Every week of a year as the last column: each month's name lands on the last column once, four weeks after February's.
const todays = Array.from({ length: 53 }, (_, i) => addDays(date('2026-01-04'), 7 * i));

describe('the win calendar in every language', () => {
  it.each(LOCALES)('names months, weekdays and the legend in %s without any label overlapping another, a square or the edge', (locale) => {
    const tr = translator(locale);
    const problems: string[] = [];
    for (const today of todays) {
      const recent = mondayOf(today);
      const paused = new Set([formatLocalDate(addDays(recent, -3))]);
      const repaired = new Set([formatLocalDate(addDays(recent, -14))]);
      const days = new Map([[formatLocalDate(today), 3]]);
      for (const input of [{ days, today }, { days, today, paused, repaired }]) {
        for (const problem of problemsOf(winCalendarSvg(input, tr), locale)) problems.push(`${formatLocalDate(today)}: ${problem}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it.each(LOCALES)('keeps %s labels at least 11 px tall when Discord shows the image 400 px wide, repaired weeks and all', (locale) => {
    const { width } = calendarSize(26, true, translator(locale));
    expect(CALENDAR_FONT_SIZE * (400 / width)).toBeGreaterThanOrEqual(11);
  });

  it('speaks the member’s language: weekdays and months by ICU, the legend from the catalogue', () => {
    const svg = (locale: Locale) => winCalendarSvg({ days: new Map(), today: date('2026-08-20'), paused: new Set(['2026-08-18']), repaired: new Set(['2026-08-03']) }, translator(locale));
    const labels = (locale: Locale) => [...svg(locale).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels('en')).toEqual(['Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Mon', 'Wed', 'Fri', 'Sun', 'Wins a day:', '0', '1', '2', '3–4', '5+', 'paused', 'repaired']);
    expect(labels('de')).toEqual(expect.arrayContaining(['Mär', 'Aug', 'Mo', 'Mi', 'Fr', 'So', 'Erfolge pro Tag:', 'pausiert', 'repariert']));
    expect(labels('fr')).toEqual(expect.arrayContaining(['mars', 'août', 'lun.', 'mer.', 'ven.', 'dim.', 'Victoires par jour :', 'en pause', 'réparée']));
    expect(labels('ja')).toEqual(expect.arrayContaining(['3月', '8月', '月', '水', '金', '日', '1日の記録:', '休止中', '修復済み']));
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      const english = new Set(['Mon', 'Wed', 'Fri', 'Sun', en['calendar.legend.caption'], en['calendar.legend.paused'], en['calendar.legend.repaired']]);
      expect(labels(locale).filter((label) => english.has(label ?? '')), locale).toEqual([]);
    }
    expect(familyOf(svg('ja'))).toBe('Noto Sans JP');
    expect(familyOf(svg('de'))).toBe('DejaVu Sans');
  });

  it('draws Japanese with the bundled Noto Sans JP, which DejaVu Sans could not', async () => {
    expect(calendarFontFiles('ja')).toEqual([JAPANESE_FONT_FILE, CALENDAR_FONT_FILE]);
    expect(calendarFontFiles('fr')).toEqual([CALENDAR_FONT_FILE]);
    // DejaVu Sans draws every kanji as the same empty box; Noto Sans JP draws each as itself.
    const kanji = (c: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="5" y="15" font-family="Noto Sans JP" font-size="12">${c}</text></svg>`;
    const [moon, water, moonBox, waterBox] = await Promise.all([
      renderCalendarPng(kanji('月'), calendarFontFiles('ja')),
      renderCalendarPng(kanji('水'), calendarFontFiles('ja')),
      renderCalendarPng(kanji('月'), [CALENDAR_FONT_FILE]),
      renderCalendarPng(kanji('水'), [CALENDAR_FONT_FILE]),
    ]);
    expect(moonBox.equals(waterBox)).toBe(true);
    expect(moon.equals(water)).toBe(false);
    const svg = winCalendarSvg({ days: new Map(), today: date('2026-08-20') }, translator('ja'));
    const [withJapanese, dejaVuOnly, noKanji] = await Promise.all([
      renderCalendarPng(svg, calendarFontFiles('ja')),
      renderCalendarPng(svg, [CALENDAR_FONT_FILE]),
      renderCalendarPng(svg.replace(/[\u3000-\u9fff]/g, ''), calendarFontFiles('ja')),
    ]);
    expect(withJapanese.equals(dejaVuOnly)).toBe(false);
    expect(withJapanese.equals(noKanji)).toBe(false);
  });
});
