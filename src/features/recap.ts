import type { Db } from '../db/client.js';
import { previousRecapEnd } from '../db/recap.js';
import { readServerRecap, recapSettings } from '../db/recap-week.js';
import { composeRecap } from '../domain/recap/compose.js';
import type { RecapContent } from '../domain/recap/types.js';
import { previewWeek, recapRandom } from '../domain/recap/weeks.js';
import { recapWeekFor, type CoveredWeek } from '../domain/schedule.js';

/** What the recap use cases need. */
export interface RecapDeps {
  db: Db;
}

/** A server, as far as its recap is concerned. */
export interface RecapServer {
  id: string;
  timezone: string;
}

/**
 * What a recap fired at `firedAt` covers (SPEC §4): from where the server's previous posted recap
 * ended up to its own moment, so a win logged in between is in exactly one recap.
 */
export async function recapCoverage(deps: RecapDeps, server: RecapServer, firedAt: Date, weekKey: string): Promise<CoveredWeek> {
  const previous = await previousRecapEnd(deps.db, server.id, firedAt, server.timezone);
  return { ...recapWeekFor(server.timezone, firedAt, previous), key: weekKey };
}

/**
 * The server's recap of `week`: read and composed, seeded by server and week so the same data makes
 * the same recap (preview, post, re-post). Content only: the caller renders it.
 */
export async function composeServerRecap(
  deps: RecapDeps,
  server: RecapServer,
  week: CoveredWeek,
  options: { now: Date; runId?: number; lateByMinutes?: number },
): Promise<RecapContent> {
  const random = recapRandom(server.id, week.key);
  const read = await readServerRecap(deps.db, server, week, { ...options, random });
  return composeRecap(read.data, { random, recentLineIds: read.recentLineIds });
}

/**
 * The recap the server's next post would be if it were due now (`/recap preview`, the web's admin
 * page): composed as the job composes it, with the same seed, so it is what would be posted.
 */
export async function recapPreview(deps: RecapDeps, guildId: string, now: Date): Promise<RecapContent> {
  const guild = await recapSettings(deps.db, guildId);
  const week = previewWeek(guild, now, await previousRecapEnd(deps.db, guild.id, now, guild.timezone));
  return composeServerRecap(deps, guild, week, { now });
}
