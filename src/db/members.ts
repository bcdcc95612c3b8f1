import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { guilds, members } from './schema.js';

export interface MemberKey {
  guildId: string;
  userId: string;
}

/** Creates the server and member rows on first contact; cheap and idempotent. */
export async function ensureMember(db: Db, key: MemberKey, now: Date): Promise<void> {
  await db.insert(guilds).values({ id: key.guildId, createdAt: now }).onConflictDoNothing();
  await db.insert(members).values({ ...key, createdAt: now }).onConflictDoNothing();
}

/** The member's own timezone, else the server's, else UTC (SPEC §6). */
export async function memberTimezone(db: Db, key: MemberKey): Promise<string> {
  const [row] = await db
    .select({ member: members.timezone, guild: guilds.timezone })
    .from(guilds)
    .leftJoin(members, and(eq(members.guildId, guilds.id), eq(members.userId, key.userId)))
    .where(eq(guilds.id, key.guildId))
    .limit(1);
  return row?.member ?? row?.guild ?? 'UTC';
}

export async function setMemberTimezone(db: Db, key: MemberKey, timezone: string | null, now: Date): Promise<void> {
  await ensureMember(db, key, now);
  await db
    .update(members)
    .set({ timezone })
    .where(and(eq(members.guildId, key.guildId), eq(members.userId, key.userId)));
}
