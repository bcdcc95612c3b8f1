import { partnersOf } from '../db/partners.js';
import type { DueDmRecap } from '../db/dm-recaps.js';
import { readPersonalWeek } from '../db/personal-week.js';
import { composePersonalRecap } from '../domain/recap/personal.js';
import { personalWeekOf } from '../domain/recap/personal-week.js';
import type { PersonalRecapContent } from '../domain/recap/types.js';
import { recapWeekFor, weekAheadOf } from '../domain/schedule.js';
import { seededRandom } from '../domain/seeded-random.js';
import { weekKey } from '../domain/time.js';
import { isPeriodOver, timezoneOf } from './member-time.js';
import type { RecapDeps } from './recap.js';

/**
 * A member's personal recap (SPEC §4): their own week in their own timezone, goals, streak and one
 * old win of theirs not brought back lately. When the server's recap could not reach its channel,
 * it also names their partners for the week ahead (SPEC §5: pairs are told whatever the channel does).
 * `shownWinId`: the old win it shows, for the caller to remember as shown.
 */
export async function personalRecap(deps: RecapDeps, due: DueDmRecap, now: Date): Promise<{ content: PersonalRecapContent; shownWinId: number | undefined }> {
  const serverWeek = { ...recapWeekFor(due.serverTimezone, due.scheduledFor), key: due.weekKey };
  // Seeded by member and week: the same week reads the same on a retry, and scripts repeat.
  const random = seededRandom(`dm:${due.guildId}:${due.userId}:${due.weekKey}`);
  const [read, partners] = await Promise.all([
    timezoneOf(deps.db, due).then((timezone) => readPersonalWeek(deps.db, due, timezone, serverWeek, now, random)),
    due.posted ? Promise.resolve([]) : partnersOf(deps.db, due, weekKey(due.serverTimezone, weekAheadOf(due.serverTimezone, due.scheduledFor))),
  ]);
  const content = composePersonalRecap(personalWeekOf(read, (range) => isPeriodOver(range, now)), { random });
  return { content: { ...content, partners }, shownWinId: read.oldWin?.id };
}
