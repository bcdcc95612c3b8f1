import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { ofMember } from './member-filter.js';
import type { MemberKey } from './member-filter.js';
import { checkinCheers } from './schema.js';

/** Records a partner's cheer on a check-in; false when they had cheered it already (a cheer counts once). */
export async function recordCheer(db: Db, author: MemberKey, weekKey: string, cheererId: string, now: Date): Promise<boolean> {
  const rows = await db
    .insert(checkinCheers)
    .values({ ...author, weekKey, cheererId, cheeredAt: now })
    .onConflictDoNothing()
    .returning({ cheererId: checkinCheers.cheererId });
  return rows.length > 0;
}

/** Who cheered the author's check-in of a week, first cheer first. */
export async function cheerersOf(db: Db, author: MemberKey, weekKey: string): Promise<string[]> {
  const rows = await db
    .select({ cheererId: checkinCheers.cheererId })
    .from(checkinCheers)
    .where(and(ofMember(checkinCheers, author), eq(checkinCheers.weekKey, weekKey)))
    .orderBy(asc(checkinCheers.cheeredAt), asc(checkinCheers.cheererId));
  return rows.map((r) => r.cheererId);
}
