import { nextRecapAt } from './schedule.js';
import { localDateTimeOf, weekKey } from './time.js';

/** If-then plans (SPEC §13): "when <when>, I will <then>", with an optional weekly moment for a reminder. */
export const PLAN_TEXT_MAX = 100;
/** The longest `at` a member may type: `wednesday 13:30`. */
export const PLAN_AT_MAX = 16;
/** Typed as `when`, `then` or `at` in `/goal edit`: clears that part of the plan. */
export const PLAN_CLEAR_WORD = 'none';

export interface PlanMoment {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  /** Local `HH:MM`, 24 h. */
  time: string;
}

const DAY_NAMES: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

/**
 * Reads `at`: `HH:MM` (Mondays) or `<weekday> HH:MM`, e.g. `thu 13:00`. Undefined when it is neither,
 * so the member is told how to write it.
 */
export function parsePlanMoment(raw: string): PlanMoment | undefined {
  const match = /^(?:([a-z]+)\s+)?(\d{1,2}):(\d{2})$/.exec(raw.trim().toLowerCase());
  if (!match) return undefined;
  const day = match[1] === undefined ? 1 : DAY_NAMES[match[1]];
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (day === undefined || hour > 23 || minute > 59) return undefined;
  return { day, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/**
 * Whether a plan's reminder is due at `now` in `timezone`, and for which week: from the planned
 * local moment to the end of that day. Undefined otherwise (before it, or another day).
 */
export function planReminderDueIn(timezone: string, moment: PlanMoment, now: Date): string | undefined {
  const local = localDateTimeOf(timezone, now);
  if (local.weekday !== moment.day) return undefined;
  const hhmm = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return hhmm >= moment.time ? weekKey(timezone, now) : undefined;
}

/** The claim's period for a goal's reminder in a week: one per goal per week. */
export const planReminderPeriod = (week: string, goalId: number): string => `${week}:g${goalId}`;

/** The plan's next reminder moment strictly after `after`, in `timezone` (for the scheduler's catch-up over a clock jump). */
export const nextPlanMomentAfter = (timezone: string, moment: PlanMoment, after: Date): Date =>
  nextRecapAt({ day: moment.day, time: moment.time, timezone }, after);
