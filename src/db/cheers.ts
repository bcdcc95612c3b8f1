import type { Db } from './client.js';
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
