import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { homeGuildId, isSharedGuild, setHomeGuild, sharedGuildIds } from '../db/member-homes.js';

/** The commands a member's own install offers in DMs and in servers without the bot (SPEC §11). */
export const MEMBER_INSTALL_COMMANDS: ReadonlySet<string> = new Set(['win', 'progress', 'wins', 'remember', 'settings']);

/** Where a member's use from elsewhere counts: their home, the one server they share (chosen now), or ask them. */
export type HomeAnswer = { kind: 'home'; guildId: string; chosenNow: boolean } | { kind: 'ask'; sharedCount: number };

/**
 * The home server for a member acting from a DM or a server without the bot. With none set and exactly one
 * shared server, that one becomes their home (`remember: false` only looks, as autocomplete must).
 */
export async function homeFor(deps: { db: Db; clock: Clock }, userId: string, remember = true): Promise<HomeAnswer> {
  const home = await homeGuildId(deps.db, userId);
  if (home) return { kind: 'home', guildId: home, chosenNow: false };
  const shared = await sharedGuildIds(deps.db, userId, 2);
  const [only] = shared;
  if (shared.length !== 1 || only === undefined) return { kind: 'ask', sharedCount: shared.length };
  if (remember) await setHomeGuild(deps.db, userId, only, deps.clock.now());
  return { kind: 'home', guildId: only, chosenNow: true };
}

/** The servers a member shares with the bot (what `/settings home` offers), at most `limit`. */
export async function sharedServers(deps: { db: Db }, userId: string, limit: number): Promise<string[]> {
  return sharedGuildIds(deps.db, userId, limit);
}

/** Sets the home server; false (and nothing stored) when the member is not in it with the bot. */
export async function chooseHome(deps: { db: Db; clock: Clock }, userId: string, guildId: string): Promise<boolean> {
  if (!(await isSharedGuild(deps.db, userId, guildId))) return false;
  await setHomeGuild(deps.db, userId, guildId, deps.clock.now());
  return true;
}
