import { truncateAtWord } from '../../domain/truncate.js';
import type { InputProblem } from '../../domain/win-input.js';
import { UserFacingError } from '../errors.js';

/** Friendly words for each refused input; the member's input is never lost silently. */
export function problemMessage(p: InputProblem): string {
  switch (p.problem) {
    case 'text-empty':
      return 'Your win needs a few words — even "drank a glass of water" counts. Try again with some `text`.';
    case 'text-too-long':
      return `That's a lovely amount to say, but a win can be at most ${p.max} characters (yours has ${p.length}). Could you trim it a little? Here it is to copy:`;
    case 'when-unknown':
      return `I didn't understand \`when: ${p.value.slice(0, 40)}\`. Use \`today\`, \`yesterday\`, or a date like \`${p.example}\`.`;
    case 'when-future':
      return `${p.value} hasn't happened yet — log it once it has! 🌱`;
    case 'when-too-old':
      return `I can only log wins from the last ${p.maxDays} days, and ${p.value} is further back. Wins from today are just as good.`;
  }
}

/** Gives the member's words back in a code block so a refusal never loses what they typed. */
export function echoBack(text: string, max = 1500): string {
  const safe = text.replace(/`/g, '`\u200b');
  return `\n\`\`\`\n${truncateAtWord(safe, max)}\n\`\`\``;
}

export function inputError(p: InputProblem, typed?: string): UserFacingError {
  return new UserFacingError(p.problem, problemMessage(p) + (typed ? echoBack(typed) : ''));
}

/** The connection dropped during a win's write and asking again failed: honest, and where to look. */
export const winMaybeSaved = new UserFacingError(
  'win-outcome-unknown',
  "My notebook went quiet just as I was saving that, so I can't tell whether it went in. I may have saved it — `/wins` shows it if so. If it isn't there in a minute, please log it again.",
);
