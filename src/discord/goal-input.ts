import type { ChatInputCommandInteraction } from './interaction.js';
import type { NewGoal } from '../db/goals.js';
import { GOAL_PERIODS, GOAL_SHARES, GOAL_TARGET_MAX, GOAL_TARGET_MIN, GOAL_TITLE_MAX, type GoalPeriod, type GoalShare } from '../domain/goals.js';
import { isVisiblyEmpty, stripControlCharacters } from '../domain/member-text.js';
import { UserFacingError } from './errors.js';
import { echoBack } from './render/problems.js';

function readTitle(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  const title = stripControlCharacters(raw).trim();
  if (isVisiblyEmpty(title)) {
    throw new UserFacingError('goal-title-empty', `A goal needs a title, even a short one like "Read".${title ? ` Yours shows nothing on screen:${echoBack(raw)}` : ''}`);
  }
  if ([...title].length > GOAL_TITLE_MAX) {
    throw new UserFacingError('goal-title-too-long', `A goal title can be at most ${GOAL_TITLE_MAX} characters (yours has ${[...title].length}).`);
  }
  return title;
}

function readTarget(raw: number | null): number | undefined {
  if (raw === null) return undefined;
  if (!Number.isInteger(raw) || raw < GOAL_TARGET_MIN || raw > GOAL_TARGET_MAX) {
    throw new UserFacingError('goal-target-range', `A target is a whole number from ${GOAL_TARGET_MIN} to ${GOAL_TARGET_MAX}. Small is good!`);
  }
  return raw;
}

function readChoice<T extends string>(raw: string | null, allowed: readonly T[], what: string): T | undefined {
  if (raw === null) return undefined;
  const value = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UserFacingError(`goal-${what}-unknown`, `The ${what} can be ${allowed.map((a) => `\`${a}\``).join(' or ')}.`);
  }
  return value as T;
}

/** `/goal add`: every option checked again here, whatever the client enforced. */
export function readNewGoal(interaction: ChatInputCommandInteraction): NewGoal {
  const title = readTitle(interaction.options.getString('title'));
  const target = readTarget(interaction.options.getInteger('target'));
  const period = readChoice<GoalPeriod>(interaction.options.getString('period'), GOAL_PERIODS, 'period');
  const share = readChoice<GoalShare>(interaction.options.getString('share'), GOAL_SHARES, 'share') ?? 'private';
  if (title === undefined) throw new UserFacingError('goal-title-empty', 'A goal needs a `title`.');
  if (target === undefined) throw new UserFacingError('goal-target-range', 'A goal needs a `target` from 1 to 100.');
  if (period === undefined) throw new UserFacingError('goal-period-unknown', 'A goal needs a `period`: `week` or `month`.');
  return { title, target, period, share };
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
  return changes;
}
