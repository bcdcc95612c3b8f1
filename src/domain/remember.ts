import { pickOne } from './seeded-random.js';
import { addDays, daysBetween, daysInMonth, localDateOf, startOfLocalDay, type LocalDate, type Range } from './time.js';

/** Only wins at least this old come back, so /remember is about the past, not this week. */
export const REMEMBER_MIN_AGE_DAYS = 7;
/** A win brought back is not picked at random again for this long. */
export const REMEMBER_REPEAT_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the chooser needs of a win; the command fetches the text of the one picked. */
export interface RememberCandidate {
  id: number;
  occurredAt: Date;
  rememberedAt: Date | null;
}

export type RememberKind = 'year-ago' | 'month-ago' | 'random' | 'again';

export interface Remembrance<T extends RememberCandidate> {
  kind: RememberKind;
  win: T;
}

/** Wins that happened before this instant may be remembered. */
export function rememberCutoff(now: Date): Date {
  return new Date(now.getTime() - REMEMBER_MIN_AGE_DAYS * DAY_MS);
}

/** The same day-of-month `months` months before `date`, or null when that month is too short (no 31 Feb). */
export function sameDayMonthsBefore(date: LocalDate, months: number): LocalDate | null {
  const index = date.year * 12 + (date.month - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return date.day <= daysInMonth(year, month) ? { year, month, day: date.day } : null;
}

function localDayRange(tz: string, date: LocalDate): Range {
  return { start: startOfLocalDay(tz, date), end: startOfLocalDay(tz, addDays(date, 1)) };
}

/** The local days that count as "on this day": a year ago first, then a month ago. */
export function anniversaryRanges(tz: string, now: Date): { kind: 'year-ago' | 'month-ago'; range: Range }[] {
  const today = localDateOf(tz, now);
  const out: { kind: 'year-ago' | 'month-ago'; range: Range }[] = [];
  const yearAgo = sameDayMonthsBefore(today, 12);
  if (yearAgo) out.push({ kind: 'year-ago', range: localDayRange(tz, yearAgo) });
  const monthAgo = sameDayMonthsBefore(today, 1);
  if (monthAgo) out.push({ kind: 'month-ago', range: localDayRange(tz, monthAgo) });
  return out;
}

/**
 * Picks the win /remember brings back: an anniversary (a year ago today, then a month ago today,
 * in the member's timezone), else a random old win not shown in the last 30 days, else the one
 * shown longest ago. Null when the member has no win older than 7 days.
 */
export function chooseRemembrance<T extends RememberCandidate>(
  candidates: readonly T[],
  options: { timezone: string; now: Date; random: () => number },
): Remembrance<T> | null {
  const { now, random } = options;
  const cutoff = rememberCutoff(now).getTime();
  const old = candidates.filter((w) => w.occurredAt.getTime() < cutoff);
  if (old.length === 0) return null;

  const shownSince = now.getTime() - REMEMBER_REPEAT_DAYS * DAY_MS;
  const fresh = old.filter((w) => w.rememberedAt === null || w.rememberedAt.getTime() < shownSince);
  for (const { kind, range } of anniversaryRanges(options.timezone, now)) {
    const inRange = fresh.filter((w) => range.start <= w.occurredAt && w.occurredAt < range.end);
    const win = pickOne(inRange, random);
    if (win) return { kind, win };
  }
  const win = pickOne(fresh, random);
  if (win) return { kind: 'random', win };

  // Everything was shown lately: the one seen longest ago beats an empty answer.
  const [longestAgo] = [...old].sort((a, b) => (a.rememberedAt?.getTime() ?? 0) - (b.rememberedAt?.getTime() ?? 0));
  return longestAgo ? { kind: 'again', win: longestAgo } : null;
}

/** "3 days ago", "5 weeks ago", "4 months ago", "2 years ago": counted in local calendar days. */
export function describeAgo(then: LocalDate, today: LocalDate): string {
  const days = daysBetween(then, today);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (days < 14) return plural(days, 'day');
  let months = (today.year - then.year) * 12 + (today.month - then.month);
  if (today.day < then.day) months -= 1;
  if (months < 2) return plural(Math.floor(days / 7), 'week');
  if (months < 24) return plural(months, 'month');
  return plural(Math.floor(months / 12), 'year');
}
