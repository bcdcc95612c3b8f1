import { monthRange, weekRange, type Range } from './time.js';

export const WIN_PERIODS = ['week', 'month', 'all'] as const;
export type WinPeriod = (typeof WIN_PERIODS)[number];

export const WINS_PER_PAGE = 5;

export function isWinPeriod(value: unknown): value is WinPeriod {
  return typeof value === 'string' && (WIN_PERIODS as readonly string[]).includes(value);
}

/** The member's current week or month in their timezone; null for all time. */
export function periodRange(period: WinPeriod, timezone: string, now: Date): Range | null {
  if (period === 'week') return weekRange(timezone, now);
  if (period === 'month') return monthRange(timezone, now);
  return null;
}

export function pageCount(total: number, perPage = WINS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A page number from anywhere (a custom id, a list that just shrank) brought into 1…pages. */
export function clampPage(page: number, pages: number): number {
  if (!Number.isSafeInteger(page) || page < 1) return 1;
  return Math.min(page, pages);
}
