import type { PauseSpan } from './streaks.js';
import { monthRange, weekRange, type Range } from './time.js';

export type GoalPeriod = 'week' | 'month';
export type GoalShare = 'private' | 'partner' | 'server';
export const GOAL_PERIODS: readonly GoalPeriod[] = ['week', 'month'];
export const GOAL_SHARES: readonly GoalShare[] = ['private', 'partner', 'server'];
export const GOAL_TITLE_MAX = 100;
export const GOAL_TARGET_MIN = 1;
export const GOAL_TARGET_MAX = 100;
export const ACTIVE_GOALS_MAX = 10;
/** How many periods running, missed or hit, before a smaller or bigger target is offered (SPEC §1.6). */
export const OFFER_AFTER = 3;

export interface Revision {
  effectiveFrom: Date;
  target: number;
  period: GoalPeriod;
}

export interface PeriodOutcome {
  range: Range;
  target: number;
  count: number;
  met: boolean;
}

export function periodRange(period: GoalPeriod, timezone: string, instant: Date): Range {
  return period === 'week' ? weekRange(timezone, instant) : monthRange(timezone, instant);
}

/** The revision in force at an instant: the latest one that started before it. */
export function revisionAt(revisions: readonly Revision[], instant: Date): Revision | undefined {
  let found: Revision | undefined;
  for (const revision of revisions) {
    if (revision.effectiveFrom.getTime() < instant.getTime()) {
      if (!found || revision.effectiveFrom.getTime() >= found.effectiveFrom.getTime()) found = revision;
    }
  }
  return found;
}

const countIn = (winTimes: readonly Date[], range: Range) =>
  winTimes.filter((t) => t.getTime() >= range.start.getTime() && t.getTime() < range.end.getTime()).length;

export interface HistoryInput {
  revisions: readonly Revision[];
  /** When the goal's linked wins happened. */
  winTimes: readonly Date[];
  timezone: string;
  now: Date;
  createdAt: Date;
  /** How many completed periods to look back at most. */
  limit: number;
}

/**
 * Completed periods of the goal's current kind, newest first, each judged by the
 * target it had then (the revision in force when that period ended): editing never rewrites the past.
 * Stops at a period of another kind, or before the goal existed. The goal's first,
 * partial period counts only when it was met, so starting mid-week is never a "miss".
 */
export function completedPeriods(input: HistoryInput): PeriodOutcome[] {
  const current = revisionAt(input.revisions, new Date(input.now.getTime() + 1));
  if (!current) return [];
  const outcomes: PeriodOutcome[] = [];
  let cursor = periodRange(current.period, input.timezone, input.now).start;
  while (outcomes.length < input.limit && cursor.getTime() > input.createdAt.getTime()) {
    const range = periodRange(current.period, input.timezone, new Date(cursor.getTime() - 1));
    const revision = revisionAt(input.revisions, range.end);
    if (!revision || revision.period !== current.period) break;
    const count = countIn(input.winTimes, range);
    const met = count >= revision.target;
    const partial = range.start.getTime() < input.createdAt.getTime();
    if (partial && !met) break;
    outcomes.push({ range, target: revision.target, count, met });
    if (partial) break;
    cursor = range.start;
  }
  return outcomes;
}

export interface CurrentProgress {
  range: Range;
  target: number;
  period: GoalPeriod;
  count: number;
}

export function currentProgress(revisions: readonly Revision[], winTimes: readonly Date[], timezone: string, now: Date): CurrentProgress | undefined {
  const revision = revisionAt(revisions, new Date(now.getTime() + 1));
  if (!revision) return undefined;
  const range = periodRange(revision.period, timezone, now);
  return { range, target: revision.target, period: revision.period, count: countIn(winTimes, range) };
}

/** What a goal row carries that summaries and their rendering need. */
export interface GoalFacts {
  id: number;
  title: string;
  target: number;
  period: string;
  share: string;
}

export interface GoalSummary<G extends GoalFacts = GoalFacts> {
  goal: G;
  current: CurrentProgress;
  /** Completed periods, newest first. */
  history: PeriodOutcome[];
  /** A smaller/bigger target to offer, unless the member already declined it. */
  offer: TargetOffer | undefined;
}

export interface TargetOffer {
  kind: 'smaller' | 'bigger';
  from: number;
  to: number;
  /** Names the run of periods the offer is for; a declined offer is remembered by it. */
  key: string;
}

/**
 * The periods that count toward an offer: a missed period the member spent partly on pause is left
 * out (SPEC §1.5: a pause freezes things), so resting never reads as "hasn't landed".
 */
export function periodsForOffer(history: readonly PeriodOutcome[], pauses: readonly PauseSpan[]): PeriodOutcome[] {
  const paused = (range: Range) =>
    pauses.some((p) => p.start.getTime() < range.end.getTime() && (p.end === null || p.end.getTime() > range.start.getTime()));
  return history.filter((period) => period.met || !paused(period.range));
}

/**
 * Three periods missed running → a smaller target; hit running → a bigger one. The member decides.
 * No smaller target once the running period has already met the target: the run of misses is over.
 */
export function targetOffer(history: readonly PeriodOutcome[], currentTarget: number, currentCount = 0): TargetOffer | undefined {
  const recent = history.slice(0, OFFER_AFTER);
  if (recent.length < OFFER_AFTER) return undefined;
  const allMissed = recent.every((p) => !p.met);
  const allMet = recent.every((p) => p.met);
  if (!allMissed && !allMet) return undefined;
  // The run starts where the outcome last changed, so the key stays the same while the run goes on.
  let runStart = recent[recent.length - 1]?.range.start ?? new Date(0);
  for (const period of history.slice(OFFER_AFTER)) {
    if (period.met !== allMet) break;
    runStart = period.range.start;
  }
  const counts = recent.map((p) => p.count);
  if (allMissed) {
    if (currentTarget <= GOAL_TARGET_MIN || currentCount >= currentTarget) return undefined;
    const to = Math.max(GOAL_TARGET_MIN, Math.min(currentTarget - 1, Math.max(...counts)));
    return { kind: 'smaller', from: currentTarget, to, key: `smaller:${runStart.toISOString()}` };
  }
  if (currentTarget >= GOAL_TARGET_MAX) return undefined;
  const to = Math.min(GOAL_TARGET_MAX, Math.max(currentTarget + 1, Math.min(...counts)));
  return { kind: 'bigger', from: currentTarget, to, key: `bigger:${runStart.toISOString()}` };
}

/** `▰▰▰▱▱▱▱▱▱▱`: filled in proportion, full (and no further) once the target is met. */
export function progressBar(count: number, target: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.round((count / Math.max(1, target)) * width)));
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}
