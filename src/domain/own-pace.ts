import { formatDayMonthYear } from './date-format.js';
import type { Ghost, Streaks } from './streaks.js';
import { parseLocalDate } from './time-calendar.js';

/**
 * How a member's own figures are said, the same in `/progress`, the DM recap and the web view, so
 * no two places ever tell one member different things about their streak or their usual week.
 */

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A usual week as a person would say it: "about 2 wins a week", "a win every other week or so", never "0.3". */
export function usualInWords(usual: number): string {
  if (usual < 0.4) return 'a win every few weeks';
  if (usual < 0.75) return 'a win every other week or so';
  const whole = Math.round(usual);
  if (Math.abs(usual - whole) <= 0.25) return `about ${plural(whole, 'win')} a week`;
  return `${Math.floor(usual)} or ${Math.ceil(usual)} wins a week`;
}

/** Within half a win of the usual week counts as "around your usual", so a figure never sounds precise. */
export function paceOf(wins: number, usual: number): 'ahead' | 'around' | 'below' {
  if (wins > usual + 0.5) return 'ahead';
  if (wins < usual - 0.5) return 'below';
  return 'around';
}

/** This week so far against the member's usual week: the only comparison the bot makes (SPEC §1.3). */
export function thisWeekLine(thisWeek: number, usual: number | null): string {
  const wins = plural(thisWeek, 'win');
  if (usual === null) {
    return thisWeek === 0
      ? 'No wins yet this week — one small thing is enough to start.'
      : `${wins} this week — your first week here, so this is the start of your usual.`;
  }
  if (Math.round(usual * 10) === 0) {
    return thisWeek === 0
      ? "No wins yet this week — the last few weeks were quiet, and that's okay. One small thing is enough to start again."
      : `${wins} this week — up from a quiet few weeks. Welcome back! 🎉`;
  }
  const yourUsual = `you usually log ${usualInWords(usual)}`;
  if (thisWeek === 0) return `No wins yet this week — ${yourUsual}, and one small thing is enough to start.`;
  const pace = paceOf(thisWeek, usual);
  if (pace === 'ahead') return `${wins} this week — ${yourUsual}. You're ahead of your own pace! 🎉`;
  if (pace === 'around') return `${wins} this week — right around your usual (${usualInWords(usual)}).`;
  return `${wins} this week — ${yourUsual}. Every one counts, and the week isn't over.`;
}

/** The weekly streak (SPEC §1.5), from `weeklyStreaks` as of now. */
export function streakLine(streaks: Streaks, pausedNow: boolean): string {
  const best = streaks.best > streaks.current ? ` Your best: ${plural(streaks.best, 'week')}.` : '';
  if (pausedNow) {
    return streaks.current > 0
      ? `⏸️ You're on a pause, so your streak of ${plural(streaks.current, 'week')} is frozen, safe until you're back.${best}`
      : `⏸️ You're on a pause: nothing breaks while you rest.${best}`;
  }
  if (streaks.current === 0) {
    return streaks.best > 0 ? `A new streak starts with your next win.${best}` : 'A streak starts with your next win.';
  }
  if (streaks.current === 1) return `🔥 Your streak has begun: 1 week with a win.${best}`;
  // Strictly longer than every earlier run: a tie is "as long as your best", not a record.
  const record = streaks.current > streaks.bestBefore ? ' Your longest yet!' : streaks.current === streaks.bestBefore ? ' That matches your best.' : best;
  const repaired = streaks.repairedInRun ? ` (with ${plural(streaks.repairedInRun, 'repaired week')} 🩹)` : '';
  return `🔥 ${streaks.current} weeks in a row with a win${repaired}.${record}`;
}

/** The best past week as a ghost to chase, dated like every other date the bot writes ("30 November 2026"). */
export function ghostLine(ghost: Ghost | null, thisWeek: number): string | undefined {
  if (ghost === null) return thisWeek > 0 ? '👻 This is your best week so far — next week it becomes your ghost to chase.' : undefined;
  const monday = parseLocalDate(ghost.monday);
  const when = `${plural(ghost.wins, 'win')} in the week of ${monday ? formatDayMonthYear(monday) : ghost.monday}`;
  if (thisWeek > ghost.wins) return `👻 You passed your ghost (${when}): this is your best week yet!`;
  if (thisWeek === ghost.wins) return `👻 You've caught your ghost (${when}). One more passes it!`;
  return `👻 Your ghost: ${when} — ${ghost.wins - thisWeek} to catch it.`;
}
