import { formatDateSpan } from './date-format.js';
import type { LocalDate } from './time.js';

/** The dates a recap covers: what its marker names. */
export interface MarkedSpan {
  firstDay: LocalDate;
  lastDay: LocalDate;
}

/**
 * A recap names its dates, year included, in its footer ("Small Wins recap · 30 Nov – 6 Dec 2026"), so a
 * process that takes over an abandoned run can tell whether the recap already went out before posting it again.
 */
export function recapMarker(span: MarkedSpan): string {
  const dates = formatDateSpan(span.firstDay, span.lastDay);
  return `Small Wins recap · ${span.firstDay.year === span.lastDay.year ? `${dates} ${span.lastDay.year}` : dates}`;
}

/** Whether one of the bot's messages is the recap of those dates. */
export function isRecapOf(message: { content: string; footers: readonly string[] }, span: MarkedSpan): boolean {
  const marker = recapMarker(span);
  return message.content.includes(marker) || message.footers.some((footer) => footer.includes(marker));
}
