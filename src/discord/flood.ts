import type { Deps } from './command.js';
import { userError, type UserFacingError } from './errors.js';
import { echoBack } from './render/problems.js';

/** For writes with no public post (a check-in): 'slow-down' or fine, judged by the bot's one flood guard. */
export function writeAllowance(deps: Pick<Deps, 'flood'>, key: { guildId: string; userId: string }, now: Date): 'ok' | 'slow-down' {
  return deps.flood.judge(key, undefined, false, now) === 'slow-down' ? 'slow-down' : 'ok';
}

export const slowDown = userError('slow-down', 'error.slow-down');

/** The flood refusal, with the member's words given back as every other refusal does. */
export function slowDownWith(typed: string | undefined): UserFacingError {
  return typed ? userError('slow-down', 'error.slow-down-copy', undefined, echoBack(typed)) : slowDown;
}
