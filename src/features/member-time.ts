/**
 * One model of a member's time: every surface asks here, none re-derives, so no two disagree on a Sunday evening. The pure
 * date maths lives in src/domain/time*.ts; this composes it with what is stored.
 */
import type { Db } from '../db/client.js';
import { memberSettings, type MemberKey } from '../db/members.js';
import { pairingWeekAt, partnersOf } from '../db/partners.js';
import { pausesOverlapping } from '../db/pauses.js';
import { periodRange, revisionAt, type GoalPeriod, type Revision } from '../domain/goals.js';
import { pausedDaysOf } from '../domain/pause.js';
import { nextRecapAt, type RecapSchedule } from '../domain/schedule.js';
import { daysBetween, formatLocalDate, localDateOf, monthRange, weekKey, weekRange, type Range } from '../domain/time.js';

/** The member's timezone: their own, else the server's, else UTC (SPEC §6). */
export async function timezoneOf(db: Db, key: MemberKey): Promise<string> {
  return (await memberSettings(db, key)).timezone;
}

/** The member's week holding `instant`: its ISO key and its bounds. */
export function weekOf(timezone: string, instant: Date): { key: string; range: Range } {
  return { key: weekKey(timezone, instant), range: weekRange(timezone, instant) };
}

/** The member's calendar month holding `instant`. */
export function monthOf(timezone: string, instant: Date): Range {
  return monthRange(timezone, instant);
}

/** The week or month (a goal's period) holding `instant`, in the member's timezone. */
export function periodOf(period: GoalPeriod, timezone: string, instant: Date): Range {
  return periodRange(period, timezone, instant);
}

/** Whether the period is over for the member at `now`: a week not ended for them yet is "so far" (SPEC §4). */
export function isPeriodOver(range: Range, now: Date): boolean {
  return range.end.getTime() <= now.getTime();
}

/** The local days of `range` the member spent paused (up to `now`), and whether that was all of it. */
export async function pausedPartOf(db: Db, key: MemberKey, timezone: string, range: Range, now: Date): Promise<{ days: Set<string>; whole: boolean }> {
  const pauses = await pausesOverlapping(db, key, range);
  const spans = pauses.map((p) => ({ start: p.startedAt, end: p.endsAt }));
  const first = localDateOf(timezone, range.start);
  const last = localDateOf(timezone, new Date(range.end.getTime() - 1));
  const days = new Set([...pausedDaysOf(timezone, spans, now, first)].filter((day) => day <= formatLocalDate(last)));
  return { days, whole: days.size >= daysBetween(first, last) + 1 };
}

/** The target (and period) a goal had just before `instant`: the revision in force then (strictly before; see revisionAt). */
export function targetAt(revisions: readonly Revision[], instant: Date): Revision | undefined {
  return revisionAt(revisions, instant);
}

/** The moment of the recap a win belongs to: the first one after it was *logged* (SPEC §4), whatever day it is for. */
export function recapMomentOf(schedule: RecapSchedule, loggedAt: Date): Date {
  return nextRecapAt(schedule, loggedAt);
}

/** The pairing in force for the member at `instant` (SPEC §5): the week key it is for and their partners. */
export interface PairingInForce {
  weekKey: string;
  partners: string[];
}

/**
 * The partners the latest recap announced, from its moment until the next: a Sunday-evening recap's
 * pairs apply at once, though they are for the week that starts next. Undefined when not paired.
 */
export async function pairingAt(db: Db, key: MemberKey, timezone: string, instant: Date): Promise<PairingInForce | undefined> {
  const week = await pairingWeekOf(db, key, timezone, instant);
  if (!week) return undefined;
  const partners = await partnersOf(db, key, week);
  return partners.length > 0 ? { weekKey: week, partners } : undefined;
}

/** The week key of the server's pairing in force for the member at `instant`, whether or not it holds them. */
export async function pairingWeekOf(db: Db, key: MemberKey, timezone: string, instant: Date): Promise<string | undefined> {
  return pairingWeekAt(db, key.guildId, instant);
}

/** The week a check-in (or a partner's view of one) belongs to: the pairing's, else the member's own. */
export async function checkinWeekAt(db: Db, key: MemberKey, timezone: string, instant: Date): Promise<{ weekKey: string; partners: string[] }> {
  const pairing = await pairingAt(db, key, timezone, instant);
  return pairing ?? { weekKey: weekKey(timezone, instant), partners: [] };
}
