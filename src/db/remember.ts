import { and, eq, inArray, lt } from 'drizzle-orm';
import { chooseRemembrance, type RememberCandidate, type Remembrance } from '../domain/remember.js';
import { ofMember } from './member-filter.js';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { wins, type Win } from './schema.js';

/** The member's wins from before `before`, light rows for the /remember chooser (a member has thousands at most). */
export async function rememberCandidates(
  db: Db,
  key: MemberKey,
  before: Date,
): Promise<{ id: number; occurredAt: Date; rememberedAt: Date | null }[]> {
  return db
    .select({ id: wins.id, occurredAt: wins.occurredAt, rememberedAt: wins.rememberedAt })
    .from(wins)
    .where(and(ofMember(wins, key), lt(wins.occurredAt, before)));
}

/** Stamps the win as just remembered and returns it; null if it is not this member's (or is gone). */
export async function markRemembered(db: Db, key: MemberKey, winId: number, now: Date): Promise<Win | null> {
  const [win] = await db
    .update(wins)
    .set({ rememberedAt: now })
    .where(and(eq(wins.id, winId), ofMember(wins, key)))
    .returning();
  return win ?? null;
}

/** Whether the member has logged any win here at all (to word the nudge). */
export async function hasAnyWin(db: Db, key: MemberKey): Promise<boolean> {
  const [row] = await db
    .select({ id: wins.id })
    .from(wins)
    .where(ofMember(wins, key))
    .limit(1);
  return row !== undefined;
}

/** Stamps wins as brought back just now (a recap's archive line, a DM's "Remember this?"), so none comes back again soon. */
export async function markShown(db: Db, winIds: readonly number[], now: Date): Promise<void> {
  if (winIds.length === 0) return;
  await db.update(wins).set({ rememberedAt: now }).where(inArray(wins.id, [...winIds]));
}

/**
 * The one chooser of an old win to bring back, for /remember and a personal recap's "Remember this?":
 * among the member's wins from before `before`, an anniversary first, then at random, none shown lately.
 */
export async function chooseOldWin(
  db: Db,
  key: MemberKey,
  before: Date,
  options: { timezone: string; now: Date; random: () => number },
): Promise<Remembrance<RememberCandidate> | null> {
  return chooseRemembrance(await rememberCandidates(db, key, before), options);
}
