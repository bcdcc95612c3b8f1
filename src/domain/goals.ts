import type { PauseSpan } from './streaks.js';
import { formatLocalDate, localDateOf, monthRange, weekRange, type Range } from './time.js';

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
  /** The member spent the period, or part of it, on pause: a miss then is never judged (SPEC §4). */
  paused?: boolean;
}

export function periodRange(period: GoalPeriod, timezone: string, instant: Date): Range {
  return period === 'week' ? weekRange(timezone, instant) : monthRange(timezone, instant);
}

/**
 * The revision in force at an instant: the latest one that started strictly before it (callers pass
 * `t + 1 ms` for "on or before t", as goalTargetThenSql in src/db/goal-target-sql.ts answers in SQL).
 */
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
  /** The if-then plan and its reminder moment (SPEC §13), when the goal has one. */
  planWhen?: string | null;
  planThen?: string | null;
  planAt?: string | null;
  planDay?: number | null;
  planReminders?: boolean;
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
  /** How many periods the run holds so far: the offer is new when it first reaches {@link OFFER_AFTER}. */
  runLength: number;
  /** The end of the newest period in the run. */
  runEnd: Date;
}

const DAY_MS = 86_400_000;

/**
 * Whether the member already declined this run's offer (SPEC §1.6: once per run). A timezone change moves
 * a run's first period by hours, never by a whole period, while a new run starts at least four periods
 * after the old one did: so a run starting within one period of the declined one is that run.
 */
export function offerDeclined(offer: TargetOffer, declinedKey: string | null, period: GoalPeriod): boolean {
  if (!declinedKey) return false;
  const cut = declinedKey.indexOf(':');
  if (declinedKey.slice(0, cut) !== offer.kind) return false;
  const declinedStart = Date.parse(declinedKey.slice(cut + 1));
  const runStart = Date.parse(offer.key.slice(offer.key.indexOf(':') + 1));
  if (Number.isNaN(declinedStart) || Number.isNaN(runStart)) return declinedKey === offer.key;
  const slack = (period === 'week' ? 8 : 32) * DAY_MS;
  return runStart < declinedStart + slack;
}

/**
 * Whether a message without buttons (the weekly DM) should carry the offer about the period that just
 * ended: only when that period made the run long enough, so the DM asks once per run, not every period.
 */
export function offerIsNewWith(offer: TargetOffer | undefined, ended: Pick<PeriodOutcome, 'range'>): boolean {
  return offer !== undefined && offer.runLength === OFFER_AFTER && offer.runEnd.getTime() === ended.range.end.getTime();
}

/**
 * The periods that count toward an offer: a missed period the member spent partly on pause is left
 * out (SPEC §1.5: a pause freezes things), so resting never reads as "hasn't landed".
 */
export function periodsForOffer(history: readonly PeriodOutcome[], pauses: readonly PauseSpan[]): PeriodOutcome[] {
  return history.filter((period) => period.met || !pausedDuring(period.range, pauses));
}

/** Whether any pause touched the range: the one answer the DM, the web's goal history and the offer ask. */
export function pausedDuring(range: Range, pauses: readonly PauseSpan[]): boolean {
  return pauses.some((p) => p.start.getTime() < range.end.getTime() && (p.end === null || p.end.getTime() > range.start.getTime()));
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
  let runLength = OFFER_AFTER;
  for (const period of history.slice(OFFER_AFTER)) {
    if (period.met !== allMet) break;
    runStart = period.range.start;
    runLength += 1;
  }
  const run = { runLength, runEnd: recent[0]?.range.end ?? new Date(0) };
  const counts = recent.map((p) => p.count);
  if (allMissed) {
    if (currentTarget <= GOAL_TARGET_MIN || currentCount >= currentTarget) return undefined;
    const to = Math.max(GOAL_TARGET_MIN, Math.min(currentTarget - 1, Math.max(...counts)));
    return { kind: 'smaller', from: currentTarget, to, key: `smaller:${runStart.toISOString()}`, ...run };
  }
  if (currentTarget >= GOAL_TARGET_MAX) return undefined;
  const to = Math.min(GOAL_TARGET_MAX, Math.max(currentTarget + 1, Math.min(...counts)));
  return { kind: 'bigger', from: currentTarget, to, key: `bigger:${runStart.toISOString()}`, ...run };
}

/** `▰▰▰▱▱▱▱▱▱▱`: filled in proportion, full (and no further) once the target is met. */
export function progressBar(count: number, target: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.round((count / Math.max(1, target)) * width)));
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}

/** How a period read before and after a change of timezone. */
export interface PeriodReading {
  count: number;
  target: number;
  met: boolean;
}

/** A goal period that reads differently once the member's days begin at another hour. */
export interface RewrittenPeriod {
  title: string;
  period: string;
  /** The period's first local day, 'YYYY-MM-DD', in the new timezone. */
  startDay: string;
  current: boolean;
  before: PeriodReading;
  after: PeriodReading;
}

type Comparable = Pick<GoalSummary, 'goal' | 'current' | 'history'>;

/**
 * The goal periods whose count or outcome a timezone change rewrote (SPEC §1.5: a change is said, not
 * silent). Periods are matched by their first local day, which both readings share; newest first.
 */
export function rewrittenPeriods(before: readonly Comparable[], after: readonly Comparable[], beforeZone: string, afterZone: string): RewrittenPeriod[] {
  const dayOf = (zone: string, instant: Date) => formatLocalDate(localDateOf(zone, instant));
  const changes: RewrittenPeriod[] = [];
  for (const next of after) {
    const prior = before.find((b) => b.goal.id === next.goal.id);
    if (!prior) continue;
    const readings = (s: Comparable, zone: string) =>
      new Map<string, PeriodReading & { current: boolean }>([
        [dayOf(zone, s.current.range.start), { count: s.current.count, target: s.current.target, met: s.current.count >= s.current.target, current: true }],
        ...s.history.map((p) => [dayOf(zone, p.range.start), { count: p.count, target: p.target, met: p.met, current: false }] as const),
      ]);
    const old = readings(prior, beforeZone);
    for (const [startDay, now] of readings(next, afterZone)) {
      const was = old.get(startDay);
      if (!was || (was.count === now.count && was.met === now.met)) continue;
      const strip = ({ count, target, met }: PeriodReading) => ({ count, target, met });
      changes.push({ title: next.goal.title, period: next.current.period, startDay, current: now.current, before: strip(was), after: strip(now) });
    }
  }
  return changes;
}
