import { ENCOURAGEMENT_BANK, type EncouragementLine, type Situation } from './encouragement.js';
import type { RecapWeekData } from './types.js';
import { pickOne } from '../seeded-random.js';

/** How many earlier weeks make the server's usual pace (newest first in `previousWeekCounts`). */
export const PACE_WEEKS = 4;

type SituationInput = Pick<RecapWeekData, 'winCount' | 'firstRecap' | 'previousWeekCounts' | 'firstTimers'>;

/** The week's own situation, compared only with this server's own earlier weeks. */
export function primarySituation(data: SituationInput): Situation {
  if (data.winCount <= 0) return 'empty';
  if (data.firstRecap) return 'first-week';
  const earlier = data.previousWeekCounts.slice(0, PACE_WEEKS);
  if (earlier[0] === 0) return 'comeback';
  if (earlier.length === 0) return 'steady';
  const usual = earlier.reduce((sum, n) => sum + n, 0) / earlier.length;
  // Both a ratio and an absolute gap, so 2 wins against a usual 1 is not a "busy" week.
  if (data.winCount >= usual * 1.5 && data.winCount >= usual + 3) return 'busy';
  if (data.winCount <= usual * 0.6 && data.winCount <= usual - 2) return 'quiet';
  return 'steady';
}

/** One situation per encouragement line: the week's own, then a welcome when someone logged their first win. */
export function recapSituations(data: SituationInput): Situation[] {
  const primary = primarySituation(data);
  const welcome = data.firstTimers > 0 && primary !== 'empty' && primary !== 'first-week';
  return welcome ? [primary, 'first-win'] : [primary];
}

/**
 * A line for each situation, never one in `recent` (this server's last 8 weeks) nor twice in one
 * recap; over more than one week, none that speaks of one week in any language (SPEC §4). An
 * exhausted pool falls back to 'steady' (written to suit any week), then to the whole bank.
 */
export function chooseEncouragement(
  situations: readonly Situation[],
  recent: ReadonlySet<string>,
  random: () => number,
  span: { oneWeek: boolean } = { oneWeek: true },
): EncouragementLine[] {
  const chosen: EncouragementLine[] = [];
  const usable = (line: EncouragementLine) => !recent.has(line.id) && !chosen.some((c) => c.id === line.id) && (span.oneWeek || !line.speaksOfOneWeek);
  for (const situation of situations) {
    const pools = [
      ENCOURAGEMENT_BANK.filter((line) => line.situation === situation),
      ENCOURAGEMENT_BANK.filter((line) => line.situation === 'steady'),
      ENCOURAGEMENT_BANK,
    ];
    const pool = pools.map((lines) => lines.filter(usable)).find((lines) => lines.length > 0);
    // Unreachable with 8 weeks of at most 2 lines against a bank of 40+; the test checks that.
    if (pool === undefined) continue;
    const line = pickOne(pool, random);
    if (line !== undefined) chosen.push(line);
  }
  return chosen;
}
