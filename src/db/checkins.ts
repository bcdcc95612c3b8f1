import { and, eq, isNull, ne, not, or } from 'drizzle-orm';
import { promptDueIn } from '../domain/checkin-prompt.js';
import type { Db } from './client.js';
import { unsentDm } from './member-dms.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { ensureMember } from './members.js';
import { memberTimezoneSql } from './member-time-sql.js';
import { pairingInForceAt } from './partners.js';
import { memberPausedAt } from './pauses.js';
import { checkins, guilds, members, pairings, type Checkin } from './schema.js';

export type CheckinShare = 'partner' | 'private';

const thisCheckin = (key: MemberKey, week: string) => and(ofMember(checkins, key), eq(checkins.weekKey, week));

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

/**
 * Claims the day's DM to the author's partners: true only for the first shared check-in of the
 * author's local `day`. One conditional UPDATE decides, so processes sharing the database cannot both send.
 */
export async function claimPartnerNotice(db: Db, key: MemberKey, week: string, day: string): Promise<boolean> {
  const rows = await db
    .update(checkins)
    .set({ partnerNotifiedOn: day })
    .where(and(thisCheckin(key, week), eq(checkins.share, 'partner'), or(isNull(checkins.partnerNotifiedOn), ne(checkins.partnerNotifiedOn, day))))
    .returning({ userId: checkins.userId });
  return rows.length > 0;
}

/** Gives the day's claim back when the note reached no partner, so a later check-in that day may try again. */
export async function releasePartnerNotice(db: Db, key: MemberKey, week: string, day: string): Promise<void> {
  await db
    .update(checkins)
    .set({ partnerNotifiedOn: null })
    .where(and(thisCheckin(key, week), eq(checkins.partnerNotifiedOn, day)));
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

/**
 * A pairing whose member could get a check-in prompt: check-ins on in a server the bot is still in, and the
 * same consent the DM gate asks (src/features/dm-gate.ts), so a refused member is not picked again each tick.
 * Over `pairings` joined to `guilds` and `members`; shared with the scheduler's look ahead (checkin-prompt-times.ts).
 */
export const promptablePairing = and(eq(guilds.checkinsEnabled, true), isNull(guilds.leftAt), eq(members.dms, true), isNull(members.dmsClosedAt), eq(members.partnerOptIn, true));

/** A member owed this week's check-in prompt now. */
export interface PromptCandidate extends MemberKey {
  weekKey: string;
}

/**
 * Paired members of servers with check-ins on who want DMs (and have not bounced one), are not
 * paused, have not checked in that week and have no prompt sent or claimed, and for whom it is
 * now their server's check-in day, from 10:00 in their own timezone (else the server's), under the
 * pairing in force now (claimed per pairing week, so once per pairing). The time is worked out per
 * timezone in use, the members in SQL.
 */
export async function promptCandidates(db: Db, now: Date, options: { limit: number; leaseMs?: number }): Promise<PromptCandidate[]> {
  const zone = memberTimezoneSql(pairings);
  // The pairing in force now (SPEC §5), whatever the member's calendar week: it holds until the next recap.
  const paired = and(pairingInForceAt(db, now), promptablePairing);
  const memberOfPairing = ofMember(members, pairings);
  const zones = await db
    .select({ zone })
    .from(pairings)
    .innerJoin(guilds, eq(guilds.id, pairings.guildId))
    .innerJoin(members, memberOfPairing)
    .where(paired)
    .groupBy(zone);
  const dueNow = zones.flatMap(({ zone: tz }) => {
    const due = promptDueIn(tz, now);
    return due ? [and(eq(zone, tz), eq(guilds.checkinDay, due.checkinDay))] : [];
  });
  if (dueNow.length === 0) return [];
  const prompt = unsentDm('checkin-prompt', pairings.weekKey, now, options.leaseMs);
  return db
    .select({ guildId: pairings.guildId, userId: pairings.userId, weekKey: pairings.weekKey })
    .from(pairings)
    .innerJoin(guilds, eq(guilds.id, pairings.guildId))
    .innerJoin(members, memberOfPairing)
    .leftJoin(prompt.table, prompt.join)
    .leftJoin(checkins, and(ofMember(checkins, pairings), eq(checkins.weekKey, pairings.weekKey)))
    .where(and(paired, or(...dueNow), prompt.stillToSend, isNull(checkins.userId), not(memberPausedAt(db, now))))
    .orderBy(pairings.guildId, pairings.userId)
    .limit(options.limit);
}
