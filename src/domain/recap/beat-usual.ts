/**
 * "N members beat their own usual week" (SPEC §13): a number, never names. Each member is compared only
 * with their own past. Public wins only, counted by when they were logged, as the recap counts them.
 */

/** A member counts only with at least this much history here (their first public win this long before the span). */
export const BEAT_USUAL_HISTORY_WEEKS = 4;
/** Fewer members counted than this, and the number could point at someone: it is left out. */
export const BEAT_USUAL_MIN_COUNTED = 5;
/** One member beating their usual would be singled out, so the line needs at least two. */
export const BEAT_USUAL_MIN_BEAT = 2;

const WEEK_MS = 7 * 86_400_000;

export interface MemberSpanTally {
  /** Public wins logged in the recap's span. */
  inSpan: number;
  /** Public wins logged in the 4 weeks before it. */
  inFourWeeksBefore: number;
  /** Their first public win here. */
  firstWinAt: Date;
}

/**
 * How many members beat their own usual week in the span [start, end), or undefined when the line must
 * stay out: fewer than 5 members with 4 weeks of history, or fewer than 2 of them beating their usual.
 * Their usual is their average over the 4 weeks before, scaled to the span's length.
 */
export function beatUsualCount(tallies: readonly MemberSpanTally[], span: { start: Date; end: Date }): number | undefined {
  const historySince = span.start.getTime() - BEAT_USUAL_HISTORY_WEEKS * WEEK_MS;
  const weeksInSpan = (span.end.getTime() - span.start.getTime()) / WEEK_MS;
  const counted = tallies.filter((t) => t.firstWinAt.getTime() <= historySince);
  const beat = counted.filter((t) => t.inSpan > 0 && t.inSpan > (t.inFourWeeksBefore / BEAT_USUAL_HISTORY_WEEKS) * weeksInSpan).length;
  return counted.length >= BEAT_USUAL_MIN_COUNTED && beat >= BEAT_USUAL_MIN_BEAT ? beat : undefined;
}
