import { and, eq, inArray, isNotNull, isNull, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { guilds, type Guild } from './schema.js';

/** The server's row, created with defaults on first sight. */
export async function guildSettings(db: Db, guildId: string, now: Date): Promise<Guild> {
  await db.insert(guilds).values({ id: guildId, createdAt: now }).onConflictDoNothing();
  const [row] = await db.select().from(guilds).where(eq(guilds.id, guildId)).limit(1);
  if (!row) throw new Error('guild row missing after insert');
  return row;
}

/** Whether an admin has set up the recap; reads only, so asking never creates the server's row. */
export async function recapConfigured(db: Db, guildId: string): Promise<boolean> {
  const [row] = await db.select({ at: guilds.recapConfiguredAt }).from(guilds).where(eq(guilds.id, guildId)).limit(1);
  return Boolean(row?.at);
}

export interface RecapSettings {
  recapChannelId: string;
  recapDay: number;
  recapTime: string;
  timezone: string;
  nextRecapAt: Date;
}

/** Saves where and when the recap goes; setting a channel clears any earlier delivery problem. */
export async function saveRecapSettings(db: Db, guildId: string, settings: RecapSettings, now: Date): Promise<Guild> {
  await guildSettings(db, guildId, now);
  const [row] = await db
    .update(guilds)
    .set({ ...settings, recapProblem: null, recapConfiguredAt: now })
    .where(eq(guilds.id, guildId))
    .returning();
  if (!row) throw new Error('guild row missing');
  return row;
}

export async function saveCheckinSettings(db: Db, guildId: string, settings: { checkinsEnabled: boolean; checkinDay: number }, now: Date): Promise<Guild> {
  await guildSettings(db, guildId, now);
  const [row] = await db.update(guilds).set(settings).where(eq(guilds.id, guildId)).returning();
  if (!row) throw new Error('guild row missing');
  return row;
}

/**
 * Records that the bot was removed from the server (its row only, and only if it has one: a server never
 * used holds nothing to hide). The first removal's time stays on a repeated event. True when this call recorded it.
 */
export async function markGuildLeft(db: Db, guildId: string, now: Date): Promise<boolean> {
  const marked = await db.update(guilds).set({ leftAt: now }).where(and(eq(guilds.id, guildId), isNull(guilds.leftAt))).returning({ id: guilds.id });
  return marked.length > 0;
}

/** Which of these servers the bot was removed from (by the primary key; a server with no row is not among them). */
export async function guildsLeft(db: Db, guildIds: readonly string[]): Promise<Set<string>> {
  if (guildIds.length === 0) return new Set();
  const rows = await db.select({ id: guilds.id }).from(guilds).where(and(inArray(guilds.id, [...guildIds]), isNotNull(guilds.leftAt)));
  return new Set(rows.map((r) => r.id));
}

/**
 * For statements over rows of a server that do not join `guilds`: the bot was not removed from the row's
 * server (a server with no row counts as in). A scalar lookup by the primary key, row by row, whatever
 * the statistics say, where a join could become a scan of every server.
 */
export const botNotRemovedSql = (guildId: AnyColumn): SQL => sql`(select g.left_at from guilds g where g.id = ${guildId}) is null`;

/**
 * The bot is in these servers (again), as seen at `seenSince` or later: they count as the bot's servers from now on.
 * A removal recorded after `seenSince` stands (a sighting older than it, written late or by another process, says
 * nothing about it). Answers the servers that had been marked removed.
 */
export async function markGuildsPresent(db: Db, guildIds: readonly string[], seenSince: Date): Promise<string[]> {
  if (guildIds.length === 0) return [];
  const cleared = await db
    .update(guilds)
    .set({ leftAt: null })
    .where(and(inArray(guilds.id, [...guildIds]), isNotNull(guilds.leftAt), lte(guilds.leftAt, seenSince)))
    .returning({ id: guilds.id });
  return cleared.map((r) => r.id);
}
