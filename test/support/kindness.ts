import { expect } from 'vitest';

// Words that rank members against each other or shame a quiet week (SPEC §1.3, §1.5): none may appear in a new message.
const RANKING = /leaderboard|\brank|\btop \d|#1\b|most wins|more than (?:others|everyone)|ahead of|beat (?:everyone|others)/i;
const SHAMING = /\bfail(?:ed|ure)?\b|lazy|should have|shame|disappoint|you missed|behind on|no excuses|streak is (?:gone|lost|dead)|don't break/i;

/** The kindness rules, held against one message's text: no ranking, no shaming. */
export function expectKind(text: string): void {
  expect(text, 'ranks members').not.toMatch(RANKING);
  expect(text, 'shames').not.toMatch(SHAMING);
}
