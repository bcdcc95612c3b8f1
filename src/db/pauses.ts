import { and, asc, exists, gt, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { ensureMember } from './members.js';
import { members, pauses, type Pause } from './schema.js';
import type { Range } from '../domain/time.js';

const stillRunning = (now: Date) => or(isNull(pauses.endsAt), gt(pauses.endsAt, now));

/** For queries over `members`: the member (of the row) has a pause covering `now`. */
export function memberPausedAt(db: Db, now: Date): SQL {
  const covering = db
    .select({ one: sql`1` })
    .from(pauses)
    .where(and(ofMember(pauses, members), lte(pauses.startedAt, now), stillRunning(now)));
  return exists(covering);
}

/** The pause covering `now`, if any. */
export async function activePause(db: Db, key: MemberKey, now: Date): Promise<Pause | undefined> {
  const [row] = await db
    .select()
    .from(pauses)
    .where(and(ofMember(pauses, key), lte(pauses.startedAt, now), stillRunning(now)))
    .orderBy(asc(pauses.startedAt))
    .limit(1);
  return row;
}

/** Starts a pause, replacing a running one (a new `/pause 10` sets a new end). `endsAt` null: until /resume. */
export async function startPause(db: Db, key: MemberKey, now: Date, endsAt: Date | null): Promise<Pause> {
  return db.transaction(async (tx) => {
    await ensureMember(tx, key, now);
    await endPause(tx, key, now);
    const [row] = await tx.insert(pauses).values({ ...key, startedAt: now, endsAt }).returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  });
}

/** Ends any running pause at `now`; answers whether there was one. */
export async function endPause(db: Db, key: MemberKey, now: Date): Promise<boolean> {
  const ended = await db
    .update(pauses)
    .set({ endsAt: now })
    .where(and(ofMember(pauses, key), lte(pauses.startedAt, now), stillRunning(now)))
    .returning({ id: pauses.id });
  return ended.length > 0;
}

/** Pauses overlapping [start, end), oldest first; an open pause is returned with `endsAt` null. */
export async function pausesOverlapping(db: Db, key: MemberKey, range: Range): Promise<Pause[]> {
  return db
    .select()
    .from(pauses)
    .where(
      and(
        ofMember(pauses, key),
        lt(pauses.startedAt, range.end),
        or(isNull(pauses.endsAt), gt(pauses.endsAt, range.start)),
      ),
    )
    .orderBy(asc(pauses.startedAt));
}
