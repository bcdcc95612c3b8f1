import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { wins, type Win } from './schema.js';

/** One page of the wins matching `where`, newest first, and how many match in all. */
export async function winPage(db: Db, where: SQL | undefined, page: { offset: number; limit: number }): Promise<{ total: number; wins: Win[] }> {
  const [counted, rows] = await Promise.all([
    db.select({ n: count() }).from(wins).where(where),
    db.select().from(wins).where(where).orderBy(desc(wins.occurredAt), desc(wins.id)).limit(page.limit).offset(page.offset),
  ]);
  return { total: counted[0]?.n ?? 0, wins: rows };
}

/** Deletes the win only if it is this member's in this server; returns what was deleted, or null. */
export async function deleteMemberWin(db: Db, key: MemberKey, winId: number): Promise<Win | null> {
  const [deleted] = await db
    .delete(wins)
    .where(and(eq(wins.id, winId), ofMember(wins, key)))
    .returning();
  return deleted ?? null;
}
