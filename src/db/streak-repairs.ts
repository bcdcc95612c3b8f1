import { asc } from 'drizzle-orm';
import type { Db } from './client.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { ensureMember } from './members.js';
import { streakRepairs } from './schema.js';

/** Mondays ('YYYY-MM-DD') of the weeks the member repaired. */
export async function repairedWeeksOf(db: Db, key: MemberKey): Promise<Set<string>> {
  const rows = await db.select({ weekStart: streakRepairs.weekStart }).from(streakRepairs).where(ofMember(streakRepairs, key)).orderBy(asc(streakRepairs.weekStart));
  return new Set(rows.map((r) => r.weekStart));
}

/** Records a repair; false when that week was repaired already (a second click, or another process). */
export async function recordRepair(db: Db, key: MemberKey, weekStart: string, now: Date): Promise<boolean> {
  await ensureMember(db, key, now);
  const rows = await db.insert(streakRepairs).values({ ...key, weekStart, repairedAt: now }).onConflictDoNothing().returning({ weekStart: streakRepairs.weekStart });
  return rows.length > 0;
}
