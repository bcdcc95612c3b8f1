import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_BACKGROUND,
  CALENDAR_FONT_FILE,
  calendarSize,
  markColour,
  PNG_SCALE,
  renderCalendarPng,
  SHADES,
  shadeLevel,
  winCalendarSvg,
} from '../../src/discord/render/win-calendar.js';
import { parseLocalDate } from '../../src/domain/time.js';
import { pngSize } from '../support/png.js';

const date = (s: string) => parseLocalDate(s) ?? expect.unreachable(`bad date ${s}`);
const cells = (svg: string) => [...svg.matchAll(/data-date="([\d-]+)" data-wins="(\d+)"/g)].map((m) => [m[1], Number(m[2])] as const);
const cellTag = (svg: string, day: string) => svg.split('\n').find((line) => line.includes(`data-date="${day}"`));
const labels = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
const withoutText = (svg: string) => svg.replace(/<text [^>]*>[^<]*<\/text>\n?/g, '');

// Thursday 20 August 2026.
const today = date('2026-08-20');
const days = new Map([
  ['2026-02-23', 1],
  ['2026-08-17', 2],
  ['2026-08-18', 3],
  ['2026-08-19', 5],
  ['2026-08-20', 12],
  ['2026-08-21', 4],
  ['2026-01-05', 9],
]);

describe('win calendar SVG', () => {
  it('shades a day by its wins: none, 1, 2, 3–4, 5+', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map(shadeLevel)).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });

  it('draws a small calendar exactly like this', () => {
    const small = winCalendarSvg({ days, today: date('2026-08-19'), weeks: 1 });
    expect(small).toMatchInlineSnapshot(`
      "<svg xmlns="http://www.w3.org/2000/svg" width="391" height="162" viewBox="0 0 391 162">
      <rect width="391" height="162" rx="8" fill="#2b2d31"/>
      <rect x="48" y="32" width="11" height="11" rx="2" fill="#66c47f" data-date="2026-08-17" data-wins="2"/>
      <rect x="48" y="46" width="11" height="11" rx="2" fill="#9fe3a6" data-date="2026-08-18" data-wins="3"/>
      <rect x="48" y="60" width="11" height="11" rx="2" fill="#eafde6" stroke="#1e1f22" stroke-width="1" data-date="2026-08-19" data-wins="5"/>
      <g font-family="DejaVu Sans" font-size="12" fill="#b5bac1">
      <text x="48" y="25" text-anchor="start">Aug</text>
      <text x="43" y="43" text-anchor="end">Mon</text>
      <text x="43" y="71" text-anchor="end">Wed</text>
      <text x="43" y="99" text-anchor="end">Fri</text>
      <text x="43" y="127" text-anchor="end">Sun</text>
      <text x="48" y="150" text-anchor="start">Wins a day:</text>
      <rect x="128" y="139" width="11" height="11" rx="2" fill="#3a3d44"/>
      <text x="143" y="150" text-anchor="start">0</text>
      <rect x="161" y="139" width="11" height="11" rx="2" fill="#40a060"/>
      <text x="176" y="150" text-anchor="start">1</text>
      <rect x="194" y="139" width="11" height="11" rx="2" fill="#66c47f"/>
      <text x="209" y="150" text-anchor="start">2</text>
      <rect x="227" y="139" width="11" height="11" rx="2" fill="#9fe3a6"/>
      <text x="242" y="150" text-anchor="start">3–4</text>
      <rect x="276" y="139" width="11" height="11" rx="2" fill="#eafde6"/>
      <text x="291" y="150" text-anchor="start">5+</text>
      </g>
      </svg>"
    `);
  });

  it('covers 26 Monday-start weeks up to today, leaving future days out', () => {
    const svg = winCalendarSvg({ days, today });
    const drawn = cells(svg);
    expect(drawn).toHaveLength(25 * 7 + 4);
    expect(drawn[0]).toEqual(['2026-02-23', 1]);
    expect(drawn.at(-1)).toEqual(['2026-08-20', 12]);
    expect(cellTag(svg, '2026-08-21')).toBeUndefined();
    expect(cellTag(svg, '2026-01-05')).toBeUndefined();
    expect(drawn.reduce((sum, [, wins]) => sum + wins, 0)).toBe(1 + 2 + 3 + 5 + 12);
  });

  it('puts each day in its weekday row and week column, and outlines today', () => {
    const svg = winCalendarSvg({ days, today });
    expect(cellTag(svg, '2026-02-23')).toContain(`x="48" y="32"`);
    expect(cellTag(svg, '2026-08-17')).toContain(`x="398" y="32" width="11" height="11" rx="2" fill="${SHADES[2]}"`);
    expect(cellTag(svg, '2026-08-20')).toContain(`x="398" y="74" width="11" height="11" rx="2" fill="${SHADES[4]}" stroke=`);
    expect(cellTag(svg, '2026-08-19')).not.toContain('stroke=');
    expect(cellTag(svg, '2026-08-16')).toContain(`x="384" y="116"`);
  });

  it('names the months above the weeks where they start, and the weekdays beside the rows', () => {
    const svg = winCalendarSvg({ days, today });
    expect(labels(svg)).toEqual(['Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Mon', 'Wed', 'Fri', 'Sun', 'Wins a day:', '0', '1', '2', '3–4', '5+']);
  });

  it('names the first column only when no month starts within two weeks of it, across New Year too', () => {
    // First column: week of 20 July 2026; August starts in the next column, so July is not named.
    const early = winCalendarSvg({ days: new Map(), today: date('2027-01-13') });
    expect(labels(early).slice(0, 6)).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(early).toContain('<text x="62" y="25" text-anchor="start">Aug</text>');
    // First column: week of 3 August 2026; September starts four columns later.
    const late = winCalendarSvg({ days: new Map(), today: date('2027-01-27') });
    expect(labels(late).slice(0, 6)).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(late).toContain('<text x="48" y="25" text-anchor="start">Aug</text>');
  });
});

// WCAG 2 relative luminance and contrast ratio, from sRGB hex.
const linear = (channel: number): number => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
const rgbOf = (hex: string): [number, number, number] => {
  const [r, g, b] = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
  return [r ?? 0, g ?? 0, b ?? 0];
};
const luminanceOf = ([r, g, b]: [number, number, number]): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a: number, b: number): number => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
// Red-green colour blindness in linear RGB (Viénot, Brettel & Mollon 1999).
const deuteranopia = ([r, g, b]: [number, number, number]): [number, number, number] => {
  const rg = 0.29031 * r + 0.70969 * g;
  return [rg, rg, -0.02197 * r + 0.02197 * g + b];
};
const protanopia = ([r, g, b]: [number, number, number]): [number, number, number] => {
  const rg = 0.11238 * r + 0.88762 * g;
  return [rg, rg, 0.00401 * r - 0.00401 * g + b];
};

describe('win calendar colours and legibility', () => {
  it.each([
    ['full colour vision', (c: [number, number, number]) => c],
    ['deuteranopia', deuteranopia],
    ['protanopia', protanopia],
  ])('sets one win apart from none at 3:1 or more, and every step lighter than the last (%s)', (_, see) => {
    const luminances = SHADES.map((hex) => luminanceOf(see(rgbOf(hex))));
    expect(contrast(luminances[0] ?? 0, luminances[1] ?? 0)).toBeGreaterThanOrEqual(3);
    for (let level = 1; level < luminances.length; level++) {
      expect(contrast(luminances[level - 1] ?? 0, luminances[level] ?? 0), `level ${level}`).toBeGreaterThanOrEqual(1.3);
      expect(luminances[level]).toBeGreaterThan(luminances[level - 1] ?? 1);
    }
  });

  it('draws today’s outline and the paused stroke at 3:1 or more against every shade', () => {
    SHADES.forEach((fill, level) => {
      expect(contrast(luminanceOf(rgbOf(markColour(level))), luminanceOf(rgbOf(fill))), fill).toBeGreaterThanOrEqual(3);
    });
  });

  it('keeps labels at least 11 px tall when Discord shows the image 400 px wide', () => {
    const svg = winCalendarSvg({ days, today });
    const fontSize = Number(/font-size="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
    const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    expect(fontSize * (400 / width)).toBeGreaterThanOrEqual(11);
    expect(contrast(luminanceOf(rgbOf('#b5bac1')), luminanceOf(rgbOf(CALENDAR_BACKGROUND)))).toBeGreaterThanOrEqual(4.5);
    expect(svg).toContain('fill="#b5bac1"');
  });

  it('strikes through paused days, whatever their wins, and explains the mark in the legend', () => {
    const paused = new Set(['2026-08-17', '2026-08-18', '2026-08-03']);
    const svg = winCalendarSvg({ days, today, paused });
    expect(cellTag(svg, '2026-08-17')).toContain('data-paused="true"');
    expect(cellTag(svg, '2026-08-03')).toContain('data-paused="true"');
    expect(cellTag(svg, '2026-08-19')).not.toContain('data-paused');
    // Three marks in the grid and one in the legend.
    expect(svg.match(/<line /g)).toHaveLength(4);
    expect(labels(svg).at(-1)).toBe('paused');
    const unpaused = winCalendarSvg({ days, today });
    expect(unpaused).not.toContain('<line ');
    expect(labels(unpaused)).not.toContain('paused');
  });
});

describe('win calendar PNG', () => {
  const svg = winCalendarSvg({ days, today });

  it('is a real PNG at twice the SVG size', async () => {
    const png = await renderCalendarPng(svg);
    const { width, height } = calendarSize(26);
    expect(pngSize(png)).toEqual({ width: width * PNG_SCALE, height: height * PNG_SCALE });
  });

  it('uses the bundled TTF, so the same SVG always gives the same bytes', async () => {
    expect(existsSync(CALENDAR_FONT_FILE)).toBe(true);
    expect(CALENDAR_FONT_FILE).toMatch(/DejaVuSans\.ttf$/);
    const [a, b] = await Promise.all([renderCalendarPng(svg), renderCalendarPng(svg)]);
    expect(a.equals(b)).toBe(true);
  });

  it('really draws the labels with that font (without a font, text vanishes silently)', async () => {
    const [withFont, noTextAtAll, noFont] = await Promise.all([
      renderCalendarPng(svg),
      renderCalendarPng(withoutText(svg)),
      renderCalendarPng(svg, []),
    ]);
    expect(withFont.equals(noTextAtAll)).toBe(false);
    expect(noFont.equals(noTextAtAll)).toBe(true);
  });
});
