import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { markGuildLeft, markGuildPresent } from '../db/guild-settings.js';

/**
 * The bot was removed from a server (kicked, or the server deleted; not an outage). Recorded in the database,
 * since HTTP-only workers never see the gateway: the server is no one's home from now on (SPEC §11).
 * Members' data there stays.
 */
export async function botLeftServer(deps: { db: Db; clock: Clock }, guildId: string): Promise<void> {
  await markGuildLeft(deps.db, guildId, deps.clock.now());
}

/** The bot is in a server (joined, joined again, or reconnected): it can be a home again. */
export async function botInServer(deps: { db: Db }, guildId: string): Promise<void> {
  await markGuildPresent(deps.db, guildId);
}
