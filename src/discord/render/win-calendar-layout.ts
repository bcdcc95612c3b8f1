import { createRequire } from 'node:module';
import { CALENDAR_WEEKS } from '../../domain/local-day-counts.js';
import { english, type Locale, type Translator } from '../../i18n/index.js';

const require = createRequire(import.meta.url);
/** The bundled TTF (resvg reads no woff), so the image is identical on every machine. */
export const CALENDAR_FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
/** DejaVu Sans has no Japanese: Google's Noto Sans JP (OFL), one weight of the package's nine. */
export const JAPANESE_FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');

/** Discord shows the image about 400 px wide, so labels are sized to stay legible at that width. */
export const CALENDAR_FONT_SIZE = 12;
export const CELL = 11;
export const PITCH = 14;
export const PAD = 12;
export const TOP = 20;
const MIN_LEFT = 36;
const LEGEND_GAP = 12;
const LEGEND_ROW_PITCH = 18;
/** Text to its cell or swatch. */
export const LABEL_GAP = 4;
const SWATCH_GAP = 10;
export const SHADE_LABELS = ['0', '1', '2', '3–4', '5+'] as const;

/** Everything the calendar says, in the reader's language. */
export interface CalendarLabels {
  locale: Locale;
  fontFamily: string;
  months: readonly string[];
  /** Rows 0 (Monday), 2, 4 and 6 (Sunday) are named; the others stay quiet. */
  weekdays: readonly (readonly [row: number, label: string])[];
  caption: string;
  paused: string;
  repaired: string;
}

export function calendarLabels(tr: Translator = english): CalendarLabels {
  return {
    locale: tr.locale,
    fontFamily: tr.locale === 'ja' ? 'Noto Sans JP' : 'DejaVu Sans',
    months: Array.from({ length: 12 }, (_, i) => tr.shortMonth(i + 1)),
    weekdays: [0, 2, 4, 6].map((row) => [row, tr.shortWeekday(row + 1)] as const),
    caption: tr.t('calendar.legend.caption'),
    paused: tr.t('calendar.legend.paused'),
    repaired: tr.t('calendar.legend.repaired'),
  };
}

/** The font files a calendar in this language needs: Japanese first, DejaVu for anything it lacks. */
export function calendarFontFiles(locale: Locale): string[] {
  return locale === 'ja' ? [JAPANESE_FONT_FILE, CALENDAR_FONT_FILE] : [CALENDAR_FONT_FILE];
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
/** A character's advance in em, rounded up from DejaVu Sans's (and Noto Sans JP's, which are narrower). */
function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  const base = ch.normalize('NFD').charAt(0);
  if ('mwMW'.includes(base)) return 1;
  if (/[A-Z]/.test(base)) return 0.8;
  if (' .,:;ijlI\''.includes(base)) return 0.35;
  if ('frt'.includes(base)) return 0.45;
  return 0.65;
}

/** A label's width, estimated on the generous side so labels placed by it never overlap (a test renders them to check). */
export const labelWidth = (label: string): number => Math.ceil([...label].reduce((sum, ch) => sum + charEm(ch), 0) * CALENDAR_FONT_SIZE);

export interface LegendItem {
  kind: 'caption' | 'shade' | 'paused' | 'repaired';
  x: number;
  y: number;
  label: string;
  level?: number;
}

export interface CalendarLayout {
  /** Grid's left edge, from PAD: wide enough for the weekday names. */
  left: number;
  width: number;
  height: number;
  legend: LegendItem[];
}

const swatchWidth = (label: string): number => CELL + LABEL_GAP + labelWidth(label) + SWATCH_GAP;

/**
 * Where everything goes: the grid, then the legend in rows as wide as a full calendar, wrapping before
 * the paused or repaired entry (or after the caption) when a language's words would not fit.
 */
export function calendarLayout(labels: CalendarLabels, weeks: number, withRepaired: boolean): CalendarLayout {
  const left = Math.max(MIN_LEFT, ...labels.weekdays.map(([, label]) => labelWidth(label) + LABEL_GAP + 1));
  const gridRight = (columns: number) => PAD + left + columns * PITCH - (PITCH - CELL);
  const limit = gridRight(CALENDAR_WEEKS);
  const legendLeft = PAD + left;
  const legendTop = PAD + TOP + 7 * PITCH - (PITCH - CELL) + LEGEND_GAP;
  const items: LegendItem[] = [];
  let row = 0;
  let x = legendLeft;
  const shadesWidth = SHADE_LABELS.reduce((sum, label) => sum + swatchWidth(label), 0);
  items.push({ kind: 'caption', x, y: legendTop, label: labels.caption });
  x += labelWidth(labels.caption) + LABEL_GAP;
  if (x + shadesWidth - SWATCH_GAP > limit) {
    row += 1;
    x = legendLeft;
  }
  SHADE_LABELS.forEach((label, level) => {
    items.push({ kind: 'shade', x, y: legendTop + row * LEGEND_ROW_PITCH, label, level });
    x += swatchWidth(label);
  });
  let right = x - SWATCH_GAP;
  const entries: [LegendItem['kind'], string][] = [['paused', labels.paused], ...(withRepaired ? [['repaired', labels.repaired] as [LegendItem['kind'], string]] : [])];
  for (const [kind, label] of entries) {
    if (x + swatchWidth(label) - SWATCH_GAP > limit) {
      row += 1;
      x = legendLeft;
    }
    items.push({ kind, x, y: legendTop + row * LEGEND_ROW_PITCH, label });
    x += swatchWidth(label);
    right = Math.max(right, x - SWATCH_GAP);
  }
  return {
    left,
    width: Math.max(gridRight(weeks), right, legendLeft + labelWidth(labels.caption)) + PAD,
    height: legendTop + row * LEGEND_ROW_PITCH + CELL + PAD,
    legend: items,
  };
}
