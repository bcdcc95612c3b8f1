/**
 * Shortens text to at most `max` characters (code points), cutting at a space when one is near
 * the end so no word is split, and marking the cut with an ellipsis.
 */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace >= head.length * 0.6 ? head.slice(0, lastSpace) : head;
  return `${cut.trimEnd()}…`;
}
