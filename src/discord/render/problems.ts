import { truncateAtWord } from '../../domain/truncate.js';
import type { InputProblem } from '../../domain/win-input.js';
import { msg, type Msg } from '../../domain/message.js';
import { userError, type UserFacingError } from '../errors.js';

/** Friendly words for each refused input; the member's input is never lost silently. */
export function problemMessage(p: InputProblem): Msg {
  switch (p.problem) {
    case 'text-empty':
      return msg('error.text-empty');
    case 'text-too-long':
      return msg('error.text-too-long', { max: p.max, length: p.length });
    case 'when-unknown':
      return msg('error.when-unknown', { value: p.value.slice(0, 40), example: p.example });
    case 'when-future':
      return msg('error.when-future', { value: p.value });
    case 'when-too-old':
      return msg('error.when-too-old', { maxDays: p.maxDays, value: p.value });
  }
}

/** Gives the member's words back in a code block so a refusal never loses what they typed. */
export function echoBack(text: string, max = 1500): string {
  const safe = text.replace(/`/g, '`\u200b');
  return `\n\`\`\`\n${truncateAtWord(safe, max)}\n\`\`\``;
}

export function inputError(p: InputProblem, typed?: string): UserFacingError {
  const said = problemMessage(p);
  return userError(p.problem, said.key, said.values, typed ? echoBack(typed) : undefined);
}

/** The connection dropped during a win's write and asking again failed: honest, and where to look. */
export const winMaybeSaved = userError('win-outcome-unknown', 'error.win-outcome-unknown');
