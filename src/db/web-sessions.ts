import { and, desc, eq, gt, lte, ne, notInArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { webSessions, type WebSession } from './schema.js';

export type NewWebSession = typeof webSessions.$inferInsert;

export async function createWebSession(db: Db, session: NewWebSession): Promise<void> {
  await db.insert(webSessions).values(session);
}

/** The session if it exists and has not expired at `now`. */
export async function findWebSession(db: Db, id: string, now: Date): Promise<WebSession | undefined> {
  const [row] = await db
    .select()
    .from(webSessions)
    .where(and(eq(webSessions.id, id), gt(webSessions.expiresAt, now)))
    .limit(1);
  return row;
}

/** Sign-out: the id in any copy of the cookie stops working. */
export async function deleteWebSession(db: Db, id: string): Promise<void> {
  await db.delete(webSessions).where(eq(webSessions.id, id));
}

/** Forgets expired sessions; cheap, run at each sign-in. */
export async function deleteExpiredWebSessions(db: Db, now: Date): Promise<void> {
  await db.delete(webSessions).where(lte(webSessions.expiresAt, now));
}

/** Sign-out by the cookie's id, expired or not: the row goes, and its token comes back to be revoked. */
export async function takeWebSession(db: Db, id: string): Promise<WebSession | undefined> {
  const [row] = await db.delete(webSessions).where(eq(webSessions.id, id)).returning();
  return row;
}

/** Keeps a member's `keep` newest sessions (the one just made always among them); older ones end. */
export async function dropOldestWebSessions(db: Db, userId: string, keepId: string, keep: number): Promise<number> {
  const newest = db
    .select({ id: webSessions.id })
    .from(webSessions)
    .where(and(eq(webSessions.userId, userId), ne(webSessions.id, keepId)))
    .orderBy(desc(webSessions.createdAt), desc(webSessions.expiresAt))
    .limit(Math.max(0, keep - 1));
  const dropped = await db
    .delete(webSessions)
    .where(and(eq(webSessions.userId, userId), ne(webSessions.id, keepId), notInArray(webSessions.id, newest)))
    .returning({ id: webSessions.id });
  return dropped.length;
}
