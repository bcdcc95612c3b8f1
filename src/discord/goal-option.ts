import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { GoalFacts } from '../domain/goals.js';
import { truncateAtWord } from '../domain/truncate.js';
import { english, type Translator } from '../i18n/index.js';
import { userError } from './errors.js';

/** Autocomplete choices over the member's own active goals (value: the goal id), ≤ 25, filtered by what was typed. */
export function goalChoices(goals: readonly GoalFacts[], typed: string, tr: Translator = english): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  return goals
    .filter((goal) => goal.title.toLowerCase().includes(wanted))
    .slice(0, 25)
    .map((goal) => ({ name: truncateAtWord(tr.t('goal.choice', { title: goal.title, target: goal.target, period: goal.period }), 100), value: String(goal.id) }));
}

export const goalNotFound = userError('goal-not-found', 'error.goal-not-picked');

/** The goal a member picked, or the friendly refusal when none of their active goals matches. */
export function requireGoal<G>(goal: G | undefined): G {
  if (goal === undefined) throw goalNotFound;
  return goal;
}
