import { createRequire } from 'node:module';
import { monthAbbreviation } from '../../domain/date-format.js';
import type { CountsByDate } from '../../domain/streaks.js';
import { addDays, compareLocalDates, formatLocalDate, mondayOf, type LocalDate } from '../../domain/time-calendar.js';

export const WIN_CALENDAR_FILE = 'win-calendar.png';
export { CALENDAR_WEEKS } from '../../domain/local-day-counts.js';
import { CALENDAR_WEEKS } from '../../domain/local-day-counts.js';
/** The PNG is drawn at twice the SVG's size so it stays sharp on high-density screens. */
export const PNG_SCALE = 2;

/** The bundled TTF (resvg reads no woff), so the image is identical on every machine. */
export const CALENDAR_FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_FAMILY = 'DejaVu Sans';

// Empty day, then greens that step up in lightness, on Discord's dark embed colour: one win stands
// out from none at 3:1 or more, also to red-green colour-blind eyes, since lightness carries it.
export const SHADES = ['#3a3d44', '#40a060', '#66c47f', '#9fe3a6', '#eafde6'] as const;
const SHADE_LABELS = ['0', '1', '2', '3–4', '5+'] as const;
export const CALENDAR_BACKGROUND = '#2b2d31';
const TEXT = '#b5bac1';
/** Today's outline and the paused stroke: light on an empty cell, dark on the lighter greens. */
export function markColour(level: number): string {
  return level === 0 ? '#e3e5e8' : '#1e1f22';
}

/** Discord shows the image about 400 px wide, so labels are sized to stay legible at that width. */
export const CALENDAR_FONT_SIZE = 12;
// DejaVu Sans averages under 0.65 em a character, so estimated label widths never overlap.
const CHAR_WIDTH = Math.ceil(CALENDAR_FONT_SIZE * 0.65);
const CELL = 11;
const PITCH = 14;
const PAD = 12;
const LEFT = 36;
const TOP = 20;
const LEGEND_GAP = 12;
const WEEKDAY_LABELS: readonly [row: number, label: string][] = [
  [0, 'Mon'],
  [2, 'Wed'],
  [4, 'Fri'],
  [6, 'Sun'],
];

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

const LEGEND_LEFT = PAD + LEFT;
const labelWidth = (label: string): number => label.length * CHAR_WIDTH;
const LEGEND_CAPTION = 'Wins a day:';
const PAUSED_LABEL = 'paused';
const swatchWidth = (label: string): number => CELL + 4 + labelWidth(label) + 10;
const legendSwatches = SHADES.map((fill, level) => {
  const label = SHADE_LABELS[level] ?? '';
  const before = SHADE_LABELS.slice(0, level).reduce((x, l) => x + swatchWidth(l), 0);
  return { fill, label, x: LEGEND_LEFT + labelWidth(LEGEND_CAPTION) + before };
});
const PAUSED_LEGEND_X = LEGEND_LEFT + labelWidth(LEGEND_CAPTION) + SHADE_LABELS.reduce((x, l) => x + swatchWidth(l), 0);
const LEGEND_RIGHT = PAUSED_LEGEND_X + swatchWidth(PAUSED_LABEL);
const REPAIRED_LABEL = 'repaired';
const REPAIRED_LEGEND_X = LEGEND_RIGHT;
const LEGEND_RIGHT_WITH_REPAIRED = REPAIRED_LEGEND_X + swatchWidth(REPAIRED_LABEL);

/** The image's size; a calendar that shows a repaired week is wider, for its legend entry. */
export function calendarSize(weeks: number, withRepaired = false): { width: number; height: number } {
  return {
    width: Math.max(PAD + LEFT + weeks * PITCH - (PITCH - CELL), withRepaired ? LEGEND_RIGHT_WITH_REPAIRED : LEGEND_RIGHT) + PAD,
    height: PAD + TOP + 7 * PITCH - (PITCH - CELL) + LEGEND_GAP + CELL + PAD,
  };
}

const text = (x: number, y: number, label: string, anchor = 'start'): string =>
  `<text x="${x}" y="${y}" text-anchor="${anchor}">${label}</text>`;

/** Month names above the week holding each month's 1st; the first column is named if no month starts near it. */
function monthLabels(mondays: readonly LocalDate[], today: LocalDate): string[] {
  const starts = mondays.map((monday) => {
    const first = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i)).find((d) => d.day === 1);
    return first && compareLocalDates(first, today) <= 0 ? first.month : undefined;
  });
  const first = mondays[0];
  if (first && starts.slice(0, 3).every((m) => m === undefined)) starts[0] = first.month;
  return starts.flatMap((month, column) =>
    month === undefined ? [] : [text(PAD + LEFT + column * PITCH, PAD + TOP - 7, monthAbbreviation(month))],
  );
}

/** A diagonal stroke across a cell: visible on every shade, and needs no colour to be read. */
const pausedMark = (x: number, y: number, level: number): string =>
  `<line x1="${x + 1.5}" y1="${y + CELL - 1.5}" x2="${x + CELL - 1.5}" y2="${y + 1.5}" stroke="${markColour(level)}" stroke-width="1.5" stroke-linecap="round"/>`;

/** A small ring in the cell: a repaired week reads as mended, not as a week with wins. */
const repairedMark = (x: number, y: number, level: number): string =>
  `<circle cx="${x + CELL / 2}" cy="${y + CELL / 2}" r="2.5" fill="none" stroke="${markColour(level)}" stroke-width="1.2"/>`;

function legend(y: number, showPaused: boolean, showRepaired = false): string[] {
  const paused = showPaused
    ? [`<rect x="${PAUSED_LEGEND_X}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${SHADES[0]}"/>`, pausedMark(PAUSED_LEGEND_X, y, 0)]
    : [];
  return [
    text(LEGEND_LEFT, y + CELL, LEGEND_CAPTION),
    ...legendSwatches.flatMap(({ fill, label, x }) => [
      `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${fill}"/>`,
      text(x + CELL + 4, y + CELL, label),
    ]),
    ...(showPaused ? [...paused, text(PAUSED_LEGEND_X + CELL + 4, y + CELL, PAUSED_LABEL)] : []),
    ...(showRepaired
      ? [
          `<rect x="${REPAIRED_LEGEND_X}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${SHADES[0]}"/>`,
          repairedMark(REPAIRED_LEGEND_X, y, 0),
          text(REPAIRED_LEGEND_X + CELL + 4, y + CELL, REPAIRED_LABEL),
        ]
      : []),
  ];
}

/**
 * The win calendar as SVG text: one column per Monday-start week (the last holds `today`), one row
 * per weekday, five shades. Pure, so tests can snapshot it.
 */
export function winCalendarSvg(input: WinCalendarInput): string {
  const weeks = input.weeks ?? CALENDAR_WEEKS;
  const lastMonday = mondayOf(input.today);
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(lastMonday, -7 * (weeks - 1 - i)));
  const showRepaired = mondays.some((monday) => input.repaired?.has(formatLocalDate(monday)) ?? false);
  const { width, height } = calendarSize(weeks, showRepaired);
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
      const x = PAD + LEFT + column * PITCH;
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
  const weekdays = WEEKDAY_LABELS.map(([row, label]) => text(PAD + LEFT - 5, PAD + TOP + row * PITCH + CELL, label, 'end'));
  const legendY = PAD + TOP + 7 * PITCH - (PITCH - CELL) + LEGEND_GAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${CALENDAR_BACKGROUND}"/>`,
    ...cells,
    ...marks,
    ...repairs,
    `<g font-family="${FONT_FAMILY}" font-size="${CALENDAR_FONT_SIZE}" fill="${TEXT}">`,
    ...monthLabels(mondays, input.today),
    ...weekdays,
    ...legend(legendY, marks.length > 0, showRepaired),
    '</g>',
    '</svg>',
  ].join('\n');
}

/** SVG → PNG with only the bundled font (no system fonts), off the event loop. */
export async function renderCalendarPng(svg: string, fontFiles: readonly string[] = [CALENDAR_FONT_FILE]): Promise<Buffer> {
  // The native renderer loads on the first /progress, not at start-up (it is most of the idle memory it costs).
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return image.asPng();
}
