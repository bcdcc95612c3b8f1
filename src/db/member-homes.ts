import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './client.js';
import { guilds, memberHomes, members } from './schema.js';

/** The servers the bot is in (not removed from) where this user has a member row, oldest first (at most `limit`). */
export async function sharedGuildIds(db: Db, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: members.guildId })
    .from(members)
    .innerJoin(guilds, eq(guilds.id, members.guildId))
    .where(and(eq(members.userId, userId), isNull(guilds.leftAt)))
    .orderBy(members.createdAt, members.guildId)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Whether the user has a member row in that server and the bot was not removed from it. */
export async function isSharedGuild(db: Db, userId: string, guildId: string): Promise<boolean> {
  const rows = await db
    .select({ id: members.guildId })
    .from(members)
    .innerJoin(guilds, eq(guilds.id, members.guildId))
    .where(and(eq(members.userId, userId), eq(members.guildId, guildId), isNull(guilds.leftAt)))
    .limit(1);
  return rows.length > 0;
}

/** The home server set, if it is still one the member shares with the bot (and the bot was not removed from it). */
export async function homeGuildId(db: Db, userId: string): Promise<string | undefined> {
  const rows = await db
    .select({ guildId: memberHomes.guildId })
    .from(memberHomes)
    .innerJoin(members, and(eq(members.guildId, memberHomes.guildId), eq(members.userId, memberHomes.userId)))
    .innerJoin(guilds, eq(guilds.id, memberHomes.guildId))
    .where(and(eq(memberHomes.userId, userId), isNull(guilds.leftAt)))
    .limit(1);
  return rows[0]?.guildId;
}

export async function setHomeGuild(db: Db, userId: string, guildId: string, now: Date): Promise<void> {
  await db
    .insert(memberHomes)
    .values({ userId, guildId, updatedAt: now })
    .onConflictDoUpdate({ target: memberHomes.userId, set: { guildId, updatedAt: now } });
}
