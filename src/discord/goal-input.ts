import type { ChatInputCommandInteraction } from './interaction.js';
import type { NewGoal } from '../db/goals.js';
import { GOAL_PERIODS, GOAL_SHARES, GOAL_TARGET_MAX, GOAL_TARGET_MIN, GOAL_TITLE_MAX, type GoalPeriod, type GoalShare } from '../domain/goals.js';
import { isVisiblyEmpty, stripControlCharacters } from '../domain/member-text.js';
import { PLAN_AT_MAX, PLAN_CLEAR_WORD, PLAN_TEXT_MAX, parsePlanMoment } from '../domain/plans.js';
import { userError } from './errors.js';
import { echoBack } from './render/problems.js';

function readTitle(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  const title = stripControlCharacters(raw).trim();
  if (isVisiblyEmpty(title)) {
    throw title ? userError('goal-title-empty', 'error.goal-title-invisible', undefined, echoBack(raw)) : userError('goal-title-empty', 'error.goal-title-empty');
  }
  if ([...title].length > GOAL_TITLE_MAX) {
    throw userError('goal-title-too-long', 'error.goal-title-too-long', { max: GOAL_TITLE_MAX, length: [...title].length });
  }
  return title;
}

function readTarget(raw: number | null): number | undefined {
  if (raw === null) return undefined;
  if (!Number.isInteger(raw) || raw < GOAL_TARGET_MIN || raw > GOAL_TARGET_MAX) {
    throw userError('goal-target-range', 'error.goal-target-range', { min: GOAL_TARGET_MIN, max: GOAL_TARGET_MAX });
  }
  return raw;
}

function readChoice<T extends string>(raw: string | null, allowed: readonly T[], what: 'period' | 'share'): T | undefined {
  if (raw === null) return undefined;
  const value = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw userError(`goal-${what}-unknown`, `error.goal-${what}-unknown`);
  }
  return value as T;
}

type PlanFields = Pick<NewGoal, 'planWhen' | 'planThen' | 'planAt' | 'planDay' | 'planReminders'>;

const isClear = (raw: string) => raw.trim().toLowerCase() === PLAN_CLEAR_WORD;

function readPlanText(raw: string | null, which: 'when' | 'then'): string | undefined {
  if (raw === null) return undefined;
  const text = stripControlCharacters(raw).replace(/\s+/g, ' ').trim();
  if (isVisiblyEmpty(text)) throw userError(`plan-${which}-empty`, 'error.plan-text-empty', { which });
  if ([...text].length > PLAN_TEXT_MAX) throw userError(`plan-${which}-too-long`, 'error.plan-text-too-long', { which, max: PLAN_TEXT_MAX, length: [...text].length }, echoBack(raw));
  return text;
}

/** The plan options given (`when`, `then`, `at`); `none` clears: the whole plan for `when`/`then`, the reminder for `at`. */
function readPlanOptions(interaction: ChatInputCommandInteraction, allowClear: boolean): PlanFields {
  const rawWhen = interaction.options.getString('when');
  const rawThen = interaction.options.getString('then');
  const rawAt = interaction.options.getString('at');
  const fields: PlanFields = {};
  if (allowClear && ((rawWhen !== null && isClear(rawWhen)) || (rawThen !== null && isClear(rawThen)))) {
    return { planWhen: null, planThen: null, planAt: null, planDay: null };
  }
  const when = readPlanText(rawWhen, 'when');
  const then = readPlanText(rawThen, 'then');
  if (when !== undefined) fields.planWhen = when;
  if (then !== undefined) fields.planThen = then;
  if (rawAt !== null) {
    if (allowClear && isClear(rawAt)) return { ...fields, planAt: null, planDay: null };
    if ([...rawAt].length > PLAN_AT_MAX) throw userError('plan-at-too-long', 'error.plan-at-too-long', { max: PLAN_AT_MAX });
    const moment = parsePlanMoment(rawAt);
    if (!moment) throw userError('plan-at-unreadable', 'error.plan-at-unreadable', { typed: stripControlCharacters(rawAt).slice(0, PLAN_AT_MAX + 4) });
    fields.planAt = moment.time;
    fields.planDay = moment.day;
    // Choosing a time again turns reminders back on, after the member dropped them.
    fields.planReminders = true;
  }
  return fields;
}

/** A plan has both parts or none; a reminder time needs a plan. Checked on the goal as it would be after the change. */
export function checkPlan(goal: { planWhen?: string | null | undefined; planThen?: string | null | undefined; planAt?: string | null | undefined }): void {
  const hasWhen = Boolean(goal.planWhen);
  const hasThen = Boolean(goal.planThen);
  if (hasWhen !== hasThen) throw userError('plan-half', 'error.plan-half');
  if (goal.planAt && !hasWhen) throw userError('plan-at-without-plan', 'error.plan-at-without-plan');
}

/** `/goal add`: every option checked again here, whatever the client enforced. */
export function readNewGoal(interaction: ChatInputCommandInteraction): NewGoal {
  const title = readTitle(interaction.options.getString('title'));
  const target = readTarget(interaction.options.getInteger('target'));
  const period = readChoice<GoalPeriod>(interaction.options.getString('period'), GOAL_PERIODS, 'period');
  const share = readChoice<GoalShare>(interaction.options.getString('share'), GOAL_SHARES, 'share') ?? 'private';
  if (title === undefined) throw userError('goal-title-empty', 'error.goal-needs-title');
  if (target === undefined) throw userError('goal-target-range', 'error.goal-needs-target', { min: GOAL_TARGET_MIN, max: GOAL_TARGET_MAX });
  if (period === undefined) throw userError('goal-period-unknown', 'error.goal-needs-period');
  const plan = readPlanOptions(interaction, false);
  checkPlan(plan);
  return { title, target, period, share, ...plan };
}

/** `/goal edit`: only the options given. */
export function readGoalChanges(interaction: ChatInputCommandInteraction): Partial<NewGoal> {
  const changes: Partial<NewGoal> = {};
  const title = readTitle(interaction.options.getString('title'));
  const target = readTarget(interaction.options.getInteger('target'));
  const period = readChoice<GoalPeriod>(interaction.options.getString('period'), GOAL_PERIODS, 'period');
  const share = readChoice<GoalShare>(interaction.options.getString('share'), GOAL_SHARES, 'share');
  if (title !== undefined) changes.title = title;
  if (target !== undefined) changes.target = target;
  if (period !== undefined) changes.period = period;
  if (share !== undefined) changes.share = share;
  return { ...changes, ...readPlanOptions(interaction, true) };
}
