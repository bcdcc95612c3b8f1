import { freshStartCandidates } from '../db/fresh-starts.js';
import { freshStartMessage } from '../discord/render/fresh-start.js';
import { freshStartContent } from '../features/fresh-start.js';
import type { JobDeps } from './deps.js';
import { memberTranslator, sendEach, type DmTickSummary } from './member-dm.js';

const FRESH_STARTS_PER_TICK = 50;

/**
 * Fresh starts by DM (SPEC §13): on the first morning of a member's week (or month), for those who asked,
 * one line through the DM gate's claim, so it goes out once however many processes run; never when paused.
 */
export async function runFreshStarts(deps: JobDeps, now: Date): Promise<DmTickSummary> {
  const due = await freshStartCandidates(deps.db, now, { limit: FRESH_STARTS_PER_TICK, ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}) });
  const dms = due.map((candidate) => ({ ...candidate, kind: 'fresh-start' as const, freshKind: candidate.kind }));
  return sendEach(deps, dms, async (dm) => freshStartMessage(await freshStartContent(deps.db, dm, dm.timezone, dm.freshKind, now), await memberTranslator(deps.db, dm)), now);
}
