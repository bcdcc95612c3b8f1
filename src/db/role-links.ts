import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { ensureMember, type MemberKey } from './members.js';
import { guilds, roleLinks } from './schema.js';

export async function setConsistencyRole(db: Db, guildId: string, on: boolean): Promise<void> {
  await db.update(guilds).set({ consistencyRole: on }).where(eq(guilds.id, guildId));
}

export async function consistencyRoleOn(db: Db, guildId: string): Promise<boolean> {
  const [row] = await db.select({ on: guilds.consistencyRole }).from(guilds).where(eq(guilds.id, guildId)).limit(1);
  return row?.on ?? false;
}

/** Links the member (one link per user: a new one replaces one from another server). */
export async function saveRoleLink(db: Db, key: MemberKey, link: { sealedToken: string; sealedRefreshToken: string | null; expiresAt: Date }, now: Date): Promise<void> {
  await ensureMember(db, key, now);
  const values = { guildId: key.guildId, sealedToken: link.sealedToken, sealedRefreshToken: link.sealedRefreshToken, expiresAt: link.expiresAt, linkedAt: now, weeksActive: null, pushedAt: null };
  await db.insert(roleLinks).values({ userId: key.userId, ...values }).onConflictDoUpdate({ target: roleLinks.userId, set: values });
}

export async function roleLinkOf(db: Db, key: MemberKey) {
  const [row] = await db.select().from(roleLinks).where(and(eq(roleLinks.userId, key.userId), eq(roleLinks.guildId, key.guildId))).limit(1);
  return row;
}

/** The links of a server that offers the role, for the push after its recap. */
export async function roleLinksOfGuild(db: Db, guildId: string) {
  return db
    .select({ userId: roleLinks.userId, guildId: roleLinks.guildId, sealedToken: roleLinks.sealedToken, sealedRefreshToken: roleLinks.sealedRefreshToken, expiresAt: roleLinks.expiresAt })
    .from(roleLinks)
    .innerJoin(guilds, eq(guilds.id, roleLinks.guildId))
    .where(and(eq(roleLinks.guildId, guildId), eq(guilds.consistencyRole, true)));
}

export async function recordRolePush(db: Db, userId: string, weeksActive: number, now: Date): Promise<void> {
  await db.update(roleLinks).set({ weeksActive, pushedAt: now }).where(eq(roleLinks.userId, userId));
}

/** A refreshed grant replaces the old pair (Discord's refresh tokens are good for one use). */
export async function saveRefreshedGrant(db: Db, userId: string, grant: { sealedToken: string; sealedRefreshToken: string; expiresAt: Date }): Promise<void> {
  await db.update(roleLinks).set(grant).where(eq(roleLinks.userId, userId));
}

export async function forgetRefreshToken(db: Db, userId: string): Promise<void> {
  await db.update(roleLinks).set({ sealedRefreshToken: null }).where(eq(roleLinks.userId, userId));
}
