import { and, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { pairings } from './schema.js';

/** When the member's partners that week all left (deleted their data), if they did. */
export async function partnersLeftAt(db: Db, key: MemberKey, week: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: pairings.partnersLeftAt })
    .from(pairings)
    .where(and(ofMember(pairings, key), eq(pairings.weekKey, week)))
    .limit(1);
  return row?.at ?? undefined;
}
