import { keepingSpoilers } from './member-text.js';

/**
 * Shortens text to at most `max` characters (code points), cutting at a space when one is near
 * the end so no word is split, and marking the cut with an ellipsis. A spoiler the cut opened is
 * closed again, so hidden words stay hidden.
 */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return keepingSpoilers(text, max, (room) => {
    const head = chars.slice(0, room - 1).join('');
    const lastSpace = head.search(/\s\S*$/);
    const cut = lastSpace >= head.length * 0.6 ? head.slice(0, lastSpace) : head;
    return `${cut.trimEnd()}…`;
  });
}
