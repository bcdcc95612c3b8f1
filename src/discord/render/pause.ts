import { formatWeekdayDate } from '../../domain/date-format.js';
import { pauseSpan, type PauseView } from '../../domain/pause.js';
import { localDateOf } from '../../domain/time.js';

/** Discord renders `<t:…:F>` as a full date and time in the reader's own locale. */
export function discordTimestamp(instant: Date, style: 'F' | 'f' | 'D' | 'R' = 'F'): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}

/** One line about a running pause: 'paused through Wednesday 11 March 2026 (your time) — back on Thursday 12 March 2026'. */
export function describePause(timezone: string, pause: PauseView): string {
  if (pause.endsAt === null) return `paused ${pauseSpan(timezone, pause)}`;
  // In words, in the member's timezone: a timestamp would read as UTC in some clients and in the console.
  return `paused ${pauseSpan(timezone, pause)} (your time) — back on ${formatWeekdayDate(localDateOf(timezone, pause.endsAt))}`;
}
