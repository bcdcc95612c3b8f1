import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_FONT_FILE,
  calendarSize,
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
      "<svg xmlns="http://www.w3.org/2000/svg" width="303" height="160" viewBox="0 0 303 160">
      <rect width="303" height="160" rx="8" fill="#2b2d31"/>
      <rect x="42" y="30" width="11" height="11" rx="2" fill="#006d32" data-date="2026-08-17" data-wins="2"/>
      <rect x="42" y="44" width="11" height="11" rx="2" fill="#26a641" data-date="2026-08-18" data-wins="3"/>
      <rect x="42" y="58" width="11" height="11" rx="2" fill="#39d353" stroke="#e3e5e8" stroke-width="1" data-date="2026-08-19" data-wins="5"/>
      <g font-family="DejaVu Sans" font-size="10" fill="#b5bac1">
      <text x="42" y="23" text-anchor="start">Aug</text>
      <text x="36" y="40" text-anchor="end">Mon</text>
      <text x="36" y="68" text-anchor="end">Wed</text>
      <text x="36" y="96" text-anchor="end">Fri</text>
      <text x="36" y="124" text-anchor="end">Sun</text>
      <text x="42" y="147" text-anchor="start">Wins a day:</text>
      <rect x="110" y="137" width="11" height="11" rx="2" fill="#3a3d44"/>
      <text x="125" y="147" text-anchor="start">0</text>
      <rect x="142" y="137" width="11" height="11" rx="2" fill="#0e4429"/>
      <text x="157" y="147" text-anchor="start">1</text>
      <rect x="174" y="137" width="11" height="11" rx="2" fill="#006d32"/>
      <text x="189" y="147" text-anchor="start">2</text>
      <rect x="206" y="137" width="11" height="11" rx="2" fill="#26a641"/>
      <text x="221" y="147" text-anchor="start">3–4</text>
      <rect x="252" y="137" width="11" height="11" rx="2" fill="#39d353"/>
      <text x="267" y="147" text-anchor="start">5+</text>
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
    expect(cellTag(svg, '2026-02-23')).toContain(`x="42" y="30"`);
    expect(cellTag(svg, '2026-08-17')).toContain(`x="392" y="30" width="11" height="11" rx="2" fill="${SHADES[2]}"`);
    expect(cellTag(svg, '2026-08-20')).toContain(`x="392" y="72" width="11" height="11" rx="2" fill="${SHADES[4]}" stroke=`);
    expect(cellTag(svg, '2026-08-19')).not.toContain('stroke=');
    expect(cellTag(svg, '2026-08-16')).toContain(`x="378" y="114"`);
  });

  it('names the months above the weeks where they start, and the weekdays beside the rows', () => {
    const svg = winCalendarSvg({ days, today });
    expect(labels(svg)).toEqual(['Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Mon', 'Wed', 'Fri', 'Sun', 'Wins a day:', '0', '1', '2', '3–4', '5+']);
  });

  it('names the first column only when no month starts within two weeks of it, across New Year too', () => {
    // First column: week of 20 July 2026; August starts in the next column, so July is not named.
    const early = winCalendarSvg({ days: new Map(), today: date('2027-01-13') });
    expect(labels(early).slice(0, 6)).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(early).toContain('<text x="56" y="23" text-anchor="start">Aug</text>');
    // First column: week of 3 August 2026; September starts four columns later.
    const late = winCalendarSvg({ days: new Map(), today: date('2027-01-27') });
    expect(labels(late).slice(0, 6)).toEqual(['Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan']);
    expect(late).toContain('<text x="42" y="23" text-anchor="start">Aug</text>');
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
