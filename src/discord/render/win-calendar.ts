import { createRequire } from 'node:module';
import type { CountsByDate } from '../../domain/streaks.js';
import { addDays, compareLocalDates, formatLocalDate, mondayOf, type LocalDate } from '../../domain/time-calendar.js';

export const WIN_CALENDAR_FILE = 'win-calendar.png';
export const CALENDAR_WEEKS = 26;
/** The PNG is drawn at twice the SVG's size so it stays sharp on high-density screens. */
export const PNG_SCALE = 2;

/** The bundled TTF (resvg reads no woff), so the image is identical on every machine. */
export const CALENDAR_FONT_FILE = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_FAMILY = 'DejaVu Sans';

// Empty day, then four greens (GitHub's dark palette), on Discord's dark embed colour.
export const SHADES = ['#3a3d44', '#0e4429', '#006d32', '#26a641', '#39d353'] as const;
const SHADE_LABELS = ['0', '1', '2', '3–4', '5+'] as const;
const BACKGROUND = '#2b2d31';
const TEXT = '#b5bac1';
const TODAY_OUTLINE = '#e3e5e8';

const CELL = 11;
const PITCH = 14;
const PAD = 12;
const LEFT = 30;
const TOP = 18;
const LEGEND_GAP = 12;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
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
}

/** 0 for a day without wins, up to 4 for five or more. */
export function shadeLevel(wins: number): 0 | 1 | 2 | 3 | 4 {
  if (wins <= 0) return 0;
  if (wins <= 2) return wins as 1 | 2;
  return wins <= 4 ? 3 : 4;
}

const LEGEND_LEFT = PAD + LEFT;
const LEGEND_CAPTION_WIDTH = 68;
// DejaVu Sans at 10px is under 7px a character, so labels never run into the next swatch.
const legendSwatches = SHADES.map((fill, level) => {
  const label = SHADE_LABELS[level] ?? '';
  const before = SHADE_LABELS.slice(0, level).reduce((x, l) => x + CELL + 4 + l.length * 7 + 10, 0);
  return { fill, label, x: LEGEND_LEFT + LEGEND_CAPTION_WIDTH + before };
});
const LEGEND_RIGHT = LEGEND_LEFT + LEGEND_CAPTION_WIDTH + SHADE_LABELS.reduce((x, l) => x + CELL + 4 + l.length * 7 + 10, 0);

export function calendarSize(weeks: number): { width: number; height: number } {
  return {
    width: Math.max(PAD + LEFT + weeks * PITCH - (PITCH - CELL), LEGEND_RIGHT) + PAD,
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
    month === undefined ? [] : [text(PAD + LEFT + column * PITCH, PAD + TOP - 7, MONTHS[month - 1] ?? '')],
  );
}

function legend(y: number): string[] {
  return [
    text(LEGEND_LEFT, y + CELL - 1, 'Wins a day:'),
    ...legendSwatches.flatMap(({ fill, label, x }) => [
      `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${fill}"/>`,
      text(x + CELL + 4, y + CELL - 1, label),
    ]),
  ];
}

/**
 * The win calendar as SVG text: one column per Monday-start week (the last holds `today`), one row
 * per weekday, five shades. Pure, so tests can snapshot it.
 */
export function winCalendarSvg(input: WinCalendarInput): string {
  const weeks = input.weeks ?? CALENDAR_WEEKS;
  const { width, height } = calendarSize(weeks);
  const lastMonday = mondayOf(input.today);
  const mondays = Array.from({ length: weeks }, (_, i) => addDays(lastMonday, -7 * (weeks - 1 - i)));
  const cells: string[] = [];
  mondays.forEach((monday, column) => {
    for (let row = 0; row < 7; row++) {
      const date = addDays(monday, row);
      if (compareLocalDates(date, input.today) > 0) break;
      const key = formatLocalDate(date);
      const wins = input.days.get(key) ?? 0;
      const isToday = compareLocalDates(date, input.today) === 0;
      const outline = isToday ? ` stroke="${TODAY_OUTLINE}" stroke-width="1"` : '';
      const x = PAD + LEFT + column * PITCH;
      const y = PAD + TOP + row * PITCH;
      cells.push(
        `<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${SHADES[shadeLevel(wins)]}"${outline} data-date="${key}" data-wins="${wins}"/>`,
      );
    }
  });
  const weekdays = WEEKDAY_LABELS.map(([row, label]) => text(PAD + LEFT - 6, PAD + TOP + row * PITCH + CELL - 1, label, 'end'));
  const legendY = PAD + TOP + 7 * PITCH - (PITCH - CELL) + LEGEND_GAP;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${BACKGROUND}"/>`,
    ...cells,
    `<g font-family="${FONT_FAMILY}" font-size="10" fill="${TEXT}">`,
    ...monthLabels(mondays, input.today),
    ...weekdays,
    ...legend(legendY),
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
