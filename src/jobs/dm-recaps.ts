import { seededRandom } from '../domain/seeded-random.js';
import { dueDmRecaps } from '../db/dm-recaps.js';
import { readPersonalWeek } from '../db/personal-week.js';
import { renderPersonalRecap } from '../discord/render/dm-recap.js';
import { composePersonalRecap } from '../domain/recap/personal.js';
import { personalWeekOf } from '../domain/recap/personal-week.js';
import { recapWeekFor } from '../domain/schedule.js';
import { sendEach, type DmTickSummary } from './member-dm.js';
import type { JobDeps } from './recap.js';

// DMs are opened one by one; the rest wait for the next minute's tick.
const DMS_PER_TICK = 50;

/**
 * Personal recaps by DM (SPEC §4) for members who asked for them, after their server's recap went
 * out: read → compose → render for each, sent once through the claimed-DM sender.
 */
export async function runDmRecaps(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const due = await dueDmRecaps(deps.db, now, { limit: DMS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  const dms = due.map((recap) => ({ ...recap, kind: 'recap' as const, period: recap.weekKey }));
  return sendEach(
    deps,
    dms,
    async (recap) => {
      const serverWeek = { ...recapWeekFor(recap.serverTimezone, recap.scheduledFor), key: recap.weekKey };
      // Seeded by member and week: the same week reads the same on a retry, and scripts repeat.
      const random = seededRandom(`dm:${recap.guildId}:${recap.userId}:${recap.weekKey}`);
      const read = await readPersonalWeek(deps.db, recap, serverWeek, now, random);
      return renderPersonalRecap(composePersonalRecap(personalWeekOf(read), { random }));
    },
    now,
  );
}
