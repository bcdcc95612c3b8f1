import type { Deps } from './command.js';
import { UserFacingError } from './errors.js';
import { echoBack } from './render/problems.js';

/** For writes with no public post (a check-in): 'slow-down' or fine, judged by the bot's one flood guard. */
export function writeAllowance(deps: Pick<Deps, 'flood'>, key: { guildId: string; userId: string }, now: Date): 'ok' | 'slow-down' {
  return deps.flood.judge(key, undefined, false, now) === 'slow-down' ? 'slow-down' : 'ok';
}

const SLOW_DOWN = "Whoa, that's a lot at once! 🌱 I didn't save that one — give it half a minute, then try again. Every win still counts.";

export const slowDown = new UserFacingError('slow-down', SLOW_DOWN);

/** The flood refusal, with the member's words given back as every other refusal does. */
export function slowDownWith(typed: string | undefined): UserFacingError {
  return typed ? new UserFacingError('slow-down', `${SLOW_DOWN} Here it is to copy:${echoBack(typed)}`) : slowDown;
}

/** Added to a win answered privately because its author celebrated a lot here just now. */
export const QUIET_CELEBRATION_NOTE =
  "-# Saved and counted! You've shared a lot of wins here in the last few minutes, so I'm celebrating this one just with you, to keep the channel calm.";
