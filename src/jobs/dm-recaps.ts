import { dueDmRecaps } from '../db/dm-recaps.js';
import { markShown } from '../db/remember.js';
import { renderPersonalRecap } from '../discord/render/dm-recap.js';
import { personalRecap } from '../features/recap-personal.js';
import { localeOf, translator } from '../i18n/index.js';
import type { JobDeps } from './deps.js';
import { sendEach, type DmTickSummary } from './member-dm.js';

// DMs are opened one by one; the rest wait for the next minute's tick.
const DMS_PER_TICK = 50;

/**
 * Personal recaps by DM (SPEC §4) for members who asked for them, once their server's recap run
 * ended (posted or refused by its channel): each composed by the use case, rendered, and sent once
 * through the claimed-DM sender; the old win it shows is remembered so it does not come back soon.
 */
export async function runDmRecaps(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const due = await dueDmRecaps(deps.db, now, { limit: DMS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  const dms = due.map((recap) => ({ ...recap, kind: 'recap' as const, period: recap.weekKey }));
  return sendEach(
    deps,
    dms,
    async (recap) => {
      const { content, shownWinId } = await personalRecap(deps, recap, now);
      // Remembered as it is composed: a retry then shows another old win, never the same one twice.
      await markShown(deps.db, shownWinId === undefined ? [] : [shownWinId], now);
      return renderPersonalRecap(content, translator(localeOf(recap.locale)));
    },
    now,
  );
}
