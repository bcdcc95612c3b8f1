/**
 * A recap names its week in its footer ("Small Wins · week 2026-W48"), so a process that takes
 * over an abandoned run can tell whether the recap already went out before posting it again.
 */
export function recapMarker(weekKey: string): string {
  return `Small Wins · week ${weekKey}`;
}

/** Whether one of the bot's messages is the recap of that week. */
export function isRecapOfWeek(message: { content: string; footers: readonly string[] }, weekKey: string): boolean {
  const marker = recapMarker(weekKey);
  return message.content.includes(marker) || message.footers.some((footer) => footer.includes(marker));
}
