import { BACKDATE_MAX_DAYS } from '../../domain/win-input.js';
import type { WinRefusal } from '../../features/wins.js';
import { userError, type UserFacingError } from '../errors.js';
import { slowDownWith } from '../flood.js';
import { goalNotFound } from '../goal-option.js';
import { echoBack, inputError, winMaybeSaved } from './problems.js';

const fromMessage = {
  // Only the author can log their message; nothing here promises a way to cheer it that does not exist.
  notYours: userError('not-own-message', 'error.not-own-message'),
  empty: userError('text-empty', 'error.message-empty'),
  alreadyLogged: userError('already-logged', 'error.already-logged'),
  tooOld: userError('when-too-old', 'error.message-too-old', { maxDays: BACKDATE_MAX_DAYS }),
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
      return userError('text-too-long', 'error.message-too-long', { length: refusal.length, max: refusal.max }, echoBack(refusal.typed));
    default:
      return inputError(refusal, refusal.typed);
  }
}

