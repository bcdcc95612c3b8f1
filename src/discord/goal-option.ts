import type { AutocompleteInteraction } from 'discord.js';
import { activeGoals, findActiveGoal } from '../db/goals.js';
import type { MemberKey } from '../db/members.js';
import type { Db } from '../db/client.js';
import type { Goal } from '../db/schema.js';
import { memberKeyOf } from './command.js';
import { UserFacingError } from './errors.js';


/** Autocomplete over the member's own active goals (value: the goal id), ≤ 25, filtered by what was typed. */
export async function answerGoalAutocomplete(interaction: AutocompleteInteraction, db: Db): Promise<void> {
  const typed = String(interaction.options.getFocused()).trim().toLowerCase();
  const goals = await activeGoals(db, memberKeyOf(interaction));
  const choices = goals
    .filter((goal) => goal.title.toLowerCase().includes(typed))
    .slice(0, 25)
    .map((goal) => ({ name: truncate(`${goal.title} (${goal.target} a ${goal.period})`, 100), value: String(goal.id) }));
  await interaction.respond(choices);
}

/**
 * The goal a member picked: an id from autocomplete, or a title typed by hand.
 * Only their own active goals are ever found.
 */
export async function resolveGoal(db: Db, key: MemberKey, raw: string): Promise<Goal> {
  const value = raw.trim();
  if (/^\d{1,15}$/.test(value)) {
    const byId = await findActiveGoal(db, key, Number(value));
    if (byId) return byId;
  }
  const byTitle = (await activeGoals(db, key)).filter((goal) => goal.title.toLowerCase() === value.toLowerCase());
  if (byTitle[0]) return byTitle[0];
  throw new UserFacingError(
    'goal-not-found',
    "I couldn't find that among your active goals. Pick one from the list as you type, or see them all with `/goal list`.",
  );
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}
