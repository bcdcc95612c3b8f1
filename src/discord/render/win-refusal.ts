import { BACKDATE_MAX_DAYS } from '../../domain/win-input.js';
import type { WinRefusal } from '../../features/wins.js';
import { UserFacingError } from '../errors.js';
import { slowDownWith } from '../flood.js';
import { goalNotFound } from '../goal-option.js';
import { echoBack, inputError, winMaybeSaved } from './problems.js';

const fromMessage = {
  // Only the author can log their message; nothing here promises a way to cheer it that does not exist.
  notYours: new UserFacingError('not-own-message', 'Only the person who wrote a message can log it as their win, so this one is theirs to log. 🌱 Got one of your own? `/win` it.'),
  empty: new UserFacingError(
    'text-empty',
    'That message has no words I can log (just pictures or embeds?). Try `/win` with a few words about it instead — every size counts.',
  ),
  alreadyLogged: new UserFacingError('already-logged', 'That message is already logged as a win — it counts once, and it counted! 🌱'),
  tooOld: new UserFacingError(
    'when-too-old',
    `That message is from more than ${BACKDATE_MAX_DAYS} days ago, and I can only log wins from the last ${BACKDATE_MAX_DAYS} days. Today's wins count just as much — \`/win\` one?`,
  ),
};

/** The member-facing refusal for a win not logged, with their words given back where they typed some. */
export function winRefusalError(refusal: WinRefusal): UserFacingError {
  switch (refusal.problem) {
    case 'goal-not-found':
      return goalNotFound;
    case 'slow-down':
      return slowDownWith(refusal.typed);
    case 'outcome-unknown':
      return winMaybeSaved;
    case 'not-own-message':
      return fromMessage.notYours;
    case 'message-empty':
      return fromMessage.empty;
    case 'already-logged':
      return fromMessage.alreadyLogged;
    case 'message-too-old':
      return fromMessage.tooOld;
    case 'message-too-long':
      return new UserFacingError(
        'text-too-long',
        `That message has ${refusal.length} characters, and a win can be at most ${refusal.max}. Try \`/win\` with a shorter version — here it is to trim:${echoBack(refusal.typed)}`,
      );
    default:
      return inputError(refusal, refusal.typed);
  }
}

