import type { CountsByDate } from '../../domain/streaks.js';
import { addDays, compareLocalDates, formatLocalDate, mondayOf, type LocalDate } from '../../domain/time-calendar.js';
import { english, type Translator } from '../../i18n/index.js';
import {
  CALENDAR_FONT_FILE,
  CALENDAR_FONT_SIZE,
  calendarLabels,
  calendarLayout,
  CELL,
  LABEL_GAP,
  labelWidth,
  PAD,
  PITCH,
  TOP,
  type CalendarLabels,
  type LegendItem,
} from './win-calendar-layout.js';

export const WIN_CALENDAR_FILE = 'win-calendar.png';
export { CALENDAR_WEEKS } from '../../domain/local-day-counts.js';
import { CALENDAR_WEEKS } from '../../domain/local-day-counts.js';
export { CALENDAR_FONT_FILE, CALENDAR_FONT_SIZE, calendarFontFiles, JAPANESE_FONT_FILE } from './win-calendar-layout.js';
/** The PNG is drawn at twice the SVG's size so it stays sharp on high-density screens. */
export const PNG_SCALE = 2;

// Empty day, then greens that step up in lightness, on Discord's dark embed colour: one win stands
// out from none at 3:1 or more, also to red-green colour-blind eyes, since lightness carries it.
export const SHADES = ['#3a3d44', '#40a060', '#66c47f', '#9fe3a6', '#eafde6'] as const;
export const CALENDAR_BACKGROUND = '#2b2d31';
const TEXT = '#b5bac1';
/** Today's outline and the paused stroke: light on an empty cell, dark on the lighter greens. */
export function markColour(level: number): string {
  return level === 0 ? '#e3e5e8' : '#1e1f22';
}

export interface WinCalendarInput {
  /** Wins per local day 'YYYY-MM-DD', in the member's timezone. */
  days: CountsByDate;
  /** The member's today: the last column is its week, and later days are left out. */
  today: LocalDate;
  /** Columns (Monday-start weeks); 26 unless a test wants a small one. */
  weeks?: number;
  /** Local days 'YYYY-MM-DD' the member was paused: struck through, so a quiet pause reads as rest. */
  paused?: ReadonlySet<string>;
  /** Mondays 'YYYY-MM-DD' of weeks the member repaired (SPEC §13): each day of them carries a small ring. */
  repaired?: ReadonlySet<string>;
}

/** 0 for a day without wins, up to 4 for five or more. */
export function shadeLevel(wins: number): 0 | 1 | 2 | 3 | 4 {
  if (wins <= 0) return 0;
  if (wins <= 2) return wins as 1 | 2;
  return wins <= 4 ? 3 : 4;
}

/** The image's size in a language; a calendar that shows a repaired week has room for its legend entry. */
export function calendarSize(weeks: number, withRepaired = false, tr: Translator = english): { width: number; height: number } {
  const { width, height } = calendarLayout(calendarLabels(tr), weeks, withRepaired);
  return { width, height };
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (x: number, y: number, label: string, anchor = 'start'): string =>
  `<text x="${x}" y="${y}" text-anchor="${anchor}">${escapeXml(label)}</text>`;

/**
 * Month names above the week holding each month's 1st; the first column is named if no month starts near it.
 * A name that would run past the image's edge ends at it instead (the one before is at least four weeks back).
 */
function monthLabels(mondays: readonly LocalDate[], today: LocalDate, labels: CalendarLabels, left: number, width: number): string[] {
  const starts = mondays.map((monday) => {
    const first = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i)).find((d) => d.day === 1);
    return first && compareLocalDates(first, today) <= 0 ? first.month : undefined;
  });
  const first = mondays[0];
  if (first && starts.slice(0, 3).every((m) => m === undefined)) starts[0] = first.month;
  return starts.flatMap((month, column) => {
    if (month === undefined) return [];
    const label = labels.months[month - 1] ?? '';
    const x = Math.min(PAD + left + column * PITCH, width - PAD / 2 - labelWidth(label));
    return [text(x, PAD + TOP - 7, label)];
  });
}

/** A diagonal stroke across a cell: visible on every shade, and needs no colour to be read. */
const pausedMark = (x: number, y: number, level: number): string =>
  `<line x1="${x + 1.5}" y1="${y + CELL - 1.5}" x2="${x + CELL - 1.5}" y2="${y + 1.5}" stroke="${markColour(level)}" stroke-width="1.5" stroke-linecap="round"/>`;

/** A small ring in the cell: a repaired week reads as mended, not as a week with wins. */
const repairedMark = (x: number, y: number, level: number): string =>
  `<circle cx="${x + CELL / 2}" cy="${y + CELL / 2}" r="2.5" fill="none" stroke="${markColour(level)}" stroke-width="1.2"/>`;

const swatch = (x: number, y: number, fill: string): string => `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${fill}"/>`;

function legendItem(item: LegendItem, showPaused: boolean): string[] {
  const { x, y, label } = item;
  const beside = text(x + CELL + LABEL_GAP, y + CELL, label);
  switch (item.kind) {
    case 'caption':
      return [text(x, y + CELL, label)];
    case 'shade':
      return [swatch(x, y, SHADES[item.level ?? 0] ?? SHADES[0]), beside];
    case 'paused':
      return showPaused ? [swatch(x, y, SHADES[0]), pausedMark(x, y, 0), beside] : [];
    case 'repaired':
      return [swatch(x, y, SHADES[0]), repairedMark(x, y, 0), beside];
  }
}

/**
 * The win calendar as SVG text, in the reader's language: one column per Monday-start week (the last
 * holds `today`), one row per weekday, five shades. Pure, so tests can snapshot it.
 */
export function winCalendarSvg(input: WinCalendarInput, tr: Translator = english): string {
  const weeks = input.weeks ?? CALENDAR_WEEKS;
  const lastMonday = mondayOf(input.today);
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(lastMonday, -7 * (weeks - 1 - i)));
  const showRepaired = mondays.some((monday) => input.repaired?.has(formatLocalDate(monday)) ?? false);
  const labels = calendarLabels(tr);
  const { left, width, height, legend } = calendarLayout(labels, weeks, showRepaired);
  const repairs: string[] = [];
  const cells: string[] = [];
  const marks: string[] = [];
  mondays.forEach((monday, column) => {
    for (let row = 0; row < 7; row++) {
      const date = addDays(monday, row);
      if (compareLocalDates(date, input.today) > 0) break;
      const key = formatLocalDate(date);
      const wins = input.days.get(key) ?? 0;
      const isToday = compareLocalDates(date, input.today) === 0;
      const level = shadeLevel(wins);
      const outline = isToday ? ` stroke="${markColour(level)}" stroke-width="1"` : '';
      const x = PAD + left + column * PITCH;
      const y = PAD + TOP + row * PITCH;
      const paused = input.paused?.has(key) ?? false;
      const repaired = input.repaired?.has(formatLocalDate(monday)) ?? false;
      cells.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${SHADES[level]}"${outline} data-date="${key}" data-wins="${wins}"${paused ? ' data-paused="true"' : ''}${repaired ? ' data-repaired="true"' : ''}/>`,
      );
      if (paused) marks.push(pausedMark(x, y, level));
      if (repaired) repairs.push(repairedMark(x, y, level));
    }
  });
  const weekdays = labels.weekdays.map(([row, label]) => text(PAD + left - LABEL_GAP - 1, PAD + TOP + row * PITCH + CELL, label, 'end'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${CALENDAR_BACKGROUND}"/>`,
    ...cells,
    ...marks,
    ...repairs,
    `<g font-family="${labels.fontFamily}" font-size="${CALENDAR_FONT_SIZE}" fill="${TEXT}">`,
    ...monthLabels(mondays, input.today, labels, left, width),
    ...weekdays,
    ...legend.flatMap((item) => legendItem(item, marks.length > 0)),
    '</g>',
    '</svg>',
  ].join('\n');
}

/** SVG → PNG with only the bundled fonts (no system fonts), off the event loop; `calendarFontFiles(locale)` names them. */
export async function renderCalendarPng(svg: string, fontFiles: readonly string[] = [CALENDAR_FONT_FILE]): Promise<Buffer> {
  // The native renderer loads on the first /progress, not at start-up (it is most of the idle memory it costs).
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return image.asPng();
}
