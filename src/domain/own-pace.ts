import { msg, NOTHING, type Msg } from './message.js';
import type { Ghost, Streaks } from './streaks.js';
import { parseLocalDate } from './time-calendar.js';

/**
 * How a member's own figures are said, the same in `/progress`, the DM recap and the web view, so
 * no two places ever tell one member different things about their streak or their usual week.
 */

/** A usual week as a person would say it: "about 2 wins a week", "a win every other week or so", never "0.3". */
export function usualInWords(usual: number): Msg {
  if (usual < 0.4) return msg('pace.usual.fewWeeks');
  if (usual < 0.75) return msg('pace.usual.otherWeek');
  const whole = Math.round(usual);
  if (Math.abs(usual - whole) <= 0.25) return msg('pace.usual.about', { count: whole });
  return msg('pace.usual.between', { low: Math.floor(usual), high: Math.ceil(usual) });
}

/** Within half a win of the usual week counts as "around your usual", so a figure never sounds precise. */
export function paceOf(wins: number, usual: number): 'ahead' | 'around' | 'below' {
  if (wins > usual + 0.5) return 'ahead';
  if (wins < usual - 0.5) return 'below';
  return 'around';
}

/** This week so far against the member's usual week: the only comparison the bot makes (SPEC §1.3). */
export function thisWeekLine(thisWeek: number, usual: number | null): Msg {
  const count = thisWeek;
  if (usual === null) return thisWeek === 0 ? msg('pace.week.none.new') : msg('pace.week.some.new', { count });
  if (Math.round(usual * 10) === 0) return thisWeek === 0 ? msg('pace.week.none.quiet') : msg('pace.week.some.quiet', { count });
  const words = usualInWords(usual);
  if (thisWeek === 0) return msg('pace.week.none', { usual: words });
  return msg(`pace.week.${paceOf(thisWeek, usual)}`, { count, usual: words });
}

/** The weekly streak (SPEC §1.5), from `weeklyStreaks` as of now. */
export function streakLine(streaks: Streaks, pausedNow: boolean): Msg {
  const best = streaks.best > streaks.current ? msg('pace.streak.best', { best: streaks.best }) : NOTHING;
  if (pausedNow) {
    return streaks.current > 0 ? msg('pace.streak.pausedWith', { count: streaks.current, best }) : msg('pace.streak.paused', { best });
  }
  if (streaks.current === 0) return streaks.best > 0 ? msg('pace.streak.newAfter', { best }) : msg('pace.streak.none');
  if (streaks.current === 1) return msg('pace.streak.begun', { best });
  // Strictly longer than every earlier run: a tie is "as long as your best", not a record.
  const record = streaks.current > streaks.bestBefore ? 'longest' : streaks.current === streaks.bestBefore ? 'matches' : 'best';
  const repaired = streaks.repairedInRun ? msg('pace.streak.repaired', { count: streaks.repairedInRun }) : NOTHING;
  return msg('pace.streak.run', { count: streaks.current, record, best, repaired });
}

/** The best past week as a ghost to chase, dated like every other date the bot writes ("30 November 2026"). */
export function ghostLine(ghost: Ghost | null, thisWeek: number): Msg | undefined {
  if (ghost === null) return thisWeek > 0 ? msg('pace.ghost.first') : undefined;
  const monday = parseLocalDate(ghost.monday);
  const when = msg('pace.ghost.when', { count: ghost.wins, date: monday ? { date: monday } : ghost.monday });
  if (thisWeek > ghost.wins) return msg('pace.ghost.passed', { when });
  if (thisWeek === ghost.wins) return msg('pace.ghost.caught', { when });
  return msg('pace.ghost.chasing', { when, gap: ghost.wins - thisWeek });
}
