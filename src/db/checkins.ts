import { and, eq, gt, inArray, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { weekKey } from '../domain/time.js';
import type { Db } from './client.js';
import { ensureMember, type MemberKey } from './members.js';
import { RECAP_LEASE_MS } from './recap.js';
import { checkinPrompts, checkins, guilds, members, pairings, pauses, type Checkin } from './schema.js';

export type CheckinShare = 'partner' | 'private';

const thisCheckin = (key: MemberKey, week: string) => and(eq(checkins.guildId, key.guildId), eq(checkins.userId, key.userId), eq(checkins.weekKey, week));

/** Records the member's check-in of a week; a second one that week replaces the first. */
export async function recordCheckin(db: Db, key: MemberKey, input: { weekKey: string; note: string; share: CheckinShare }, now: Date): Promise<Checkin> {
  await ensureMember(db, key, now);
  const values = { note: input.note, share: input.share, createdAt: now, cheeredAt: null };
  const [row] = await db
    .insert(checkins)
    .values({ ...key, weekKey: input.weekKey, ...values })
    .onConflictDoUpdate({ target: [checkins.guildId, checkins.userId, checkins.weekKey], set: values })
    .returning();
  if (!row) throw new Error('check-in upsert returned no row');
  return row;
}

export async function checkinOf(db: Db, key: MemberKey, week: string): Promise<Checkin | undefined> {
  const [row] = await db.select().from(checkins).where(thisCheckin(key, week)).limit(1);
  return row;
}

/** Records a cheer on a check-in; false when there is no such check-in (it was deleted). */
export async function markCheered(db: Db, author: MemberKey, week: string, now: Date): Promise<boolean> {
  const rows = await db.update(checkins).set({ cheeredAt: now }).where(thisCheckin(author, week)).returning({ userId: checkins.userId });
  return rows.length > 0;
}

/** A member who may be owed this week's check-in prompt, with what decides whether it is due now. */
export interface PromptCandidate extends MemberKey {
  weekKey: string;
  /** The member's own timezone, else the server's. */
  timezone: string;
  checkinDay: number;
}

export type PromptStatus = 'sent' | 'dms-closed' | 'failed';

/**
 * Paired members of servers with check-ins on, for the weeks around `now`, who want DMs (and have
 * not bounced one), are not paused, have not checked in that week, and have no prompt claimed yet
 * (or one abandoned past the lease). Whether it is their check-in day yet is the caller's to decide.
 */
export async function promptCandidates(db: Db, now: Date, leaseMs = RECAP_LEASE_MS): Promise<PromptCandidate[]> {
  // Every zone's current week is the UTC week of one of these instants.
  const weeks = [...new Set([-15, 0, 15].map((hours) => weekKey('UTC', new Date(now.getTime() + hours * 3_600_000))))];
  const pausedNow = db
    .select({ one: sql`1` })
    .from(pauses)
    .where(and(eq(pauses.guildId, members.guildId), eq(pauses.userId, members.userId), lte(pauses.startedAt, now), or(isNull(pauses.endsAt), gt(pauses.endsAt, now))));
  const abandoned = and(eq(checkinPrompts.status, 'claimed'), lt(checkinPrompts.claimedAt, new Date(now.getTime() - leaseMs)));
  const rows = await db
    .select({ guildId: pairings.guildId, userId: pairings.userId, weekKey: pairings.weekKey, own: members.timezone, server: guilds.timezone, checkinDay: guilds.checkinDay })
    .from(pairings)
    .innerJoin(guilds, and(eq(guilds.id, pairings.guildId), eq(guilds.checkinsEnabled, true)))
    .innerJoin(members, and(eq(members.guildId, pairings.guildId), eq(members.userId, pairings.userId), eq(members.dms, true), isNull(members.dmsClosedAt)))
    .leftJoin(checkinPrompts, and(eq(checkinPrompts.guildId, pairings.guildId), eq(checkinPrompts.userId, pairings.userId), eq(checkinPrompts.weekKey, pairings.weekKey)))
    .leftJoin(checkins, and(eq(checkins.guildId, pairings.guildId), eq(checkins.userId, pairings.userId), eq(checkins.weekKey, pairings.weekKey)))
    .where(and(inArray(pairings.weekKey, weeks), or(isNull(checkinPrompts.userId), abandoned), isNull(checkins.userId), notExists(pausedNow)))
    .orderBy(pairings.guildId, pairings.userId);
  return rows.map(({ own, server, ...row }) => ({ ...row, timezone: own ?? server }));
}

const thisPrompt = (key: MemberKey, week: string) => and(eq(checkinPrompts.guildId, key.guildId), eq(checkinPrompts.userId, key.userId), eq(checkinPrompts.weekKey, week));

/** Claims the member's prompt of a week (exactly once), or takes over a claim abandoned past the lease. */
export async function claimPrompt(db: Db, key: MemberKey, week: string, now: Date, leaseMs = RECAP_LEASE_MS): Promise<boolean> {
  const inserted = await db
    .insert(checkinPrompts)
    .values({ ...key, weekKey: week, status: 'claimed', claimedAt: now })
    .onConflictDoNothing()
    .returning({ userId: checkinPrompts.userId });
  if (inserted.length > 0) return true;
  const retaken = await db
    .update(checkinPrompts)
    .set({ claimedAt: now })
    .where(and(thisPrompt(key, week), eq(checkinPrompts.status, 'claimed'), lt(checkinPrompts.claimedAt, new Date(now.getTime() - leaseMs))))
    .returning({ userId: checkinPrompts.userId });
  return retaken.length > 0;
}

export async function finishPrompt(db: Db, key: MemberKey, week: string, status: PromptStatus): Promise<void> {
  await db
    .update(checkinPrompts)
    .set({ status })
    .where(and(thisPrompt(key, week), eq(checkinPrompts.status, 'claimed')));
}
