import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { botNotRemovedSql } from './guild-settings.js';
import { CLAIM_LEASE_MS, CLAIM_MAX_ATTEMPTS, leaseExpiredBefore } from './leases.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { memberPausedAt } from './pauses.js';
import { memberDms, members } from './schema.js';

/** Personal recaps and check-in prompts (per week), plan reminders (per week and goal), fresh starts (per week or month). */
export type MemberDmKind = 'recap' | 'checkin-prompt' | 'plan-reminder' | 'fresh-start';

/** One DM to one member: its kind and the period (ISO week) it is for. */
export interface MemberDm extends MemberKey {
  kind: MemberDmKind;
  period: string;
}

/** How a claimed DM ended for good; a transient failure is not an ending (see `releaseMemberDm`). */
export type MemberDmStatus = 'sent' | 'dms-closed' | 'failed';

const thisDm = (dm: MemberDm) =>
  and(ofMember(memberDms, dm), eq(memberDms.kind, dm.kind), eq(memberDms.period, dm.period));

const abandoned = (now: Date, leaseMs: number) =>
  and(eq(memberDms.status, 'claimed'), lt(memberDms.claimedAt, leaseExpiredBefore(now, leaseMs)), lt(memberDms.attempts, CLAIM_MAX_ATTEMPTS));

/**
 * For candidate queries over `members`: the left join to the member's DM of `kind` for `period`
 * (a column of the query), and the condition that it is still to send: never claimed, or a claim
 * abandoned past the lease with attempts left.
 */
export function unsentDm(kind: MemberDmKind, period: AnyPgColumn, now: Date, leaseMs = CLAIM_LEASE_MS) {
  const join = and(ofMember(memberDms, members), eq(memberDms.kind, kind), sql`${memberDms.period} = ${period}`);
  return { table: memberDms, join, stillToSend: or(isNull(memberDms.userId), abandoned(now, leaseMs)) };
}

/**
 * Claims a DM (exactly once), or takes over a claim abandoned past the lease, counting the attempt.
 * Answers the attempt number, or undefined when another claim holds it or it is done.
 */
export async function claimMemberDm(db: Db, dm: MemberDm, now: Date, leaseMs = CLAIM_LEASE_MS): Promise<number | undefined> {
  const [inserted] = await db
    .insert(memberDms)
    .values({ ...dm, status: 'claimed', claimedAt: now, attempts: 1 })
    .onConflictDoNothing()
    .returning({ attempts: memberDms.attempts });
  if (inserted) return inserted.attempts;
  const [retaken] = await db
    .update(memberDms)
    .set({ claimedAt: now, attempts: sql`${memberDms.attempts} + 1` })
    .where(and(thisDm(dm), abandoned(now, leaseMs)))
    .returning({ attempts: memberDms.attempts });
  return retaken?.attempts;
}

/** Records how a claimed DM ended. */
export async function finishMemberDm(db: Db, dm: MemberDm, status: MemberDmStatus, now: Date, note?: string): Promise<void> {
  await db
    .update(memberDms)
    .set({ status, finishedAt: now, note: note ?? null })
    .where(and(thisDm(dm), eq(memberDms.status, 'claimed')));
}

/** The member's DMs bounced: no more DMs from the bot until they turn DMs on again (which clears this). */
export async function markDmsClosed(db: Db, key: MemberKey, now: Date): Promise<void> {
  await db
    .update(members)
    .set({ dmsClosedAt: now })
    .where(ofMember(members, key));
}

/** What the DM gate asks of a recipient: consent, a bounce, partner opt-in, a pause at `now`, and whether the bot was removed from the server. */
export async function dmRecipientFacts(
  db: Db,
  key: MemberKey,
  now: Date,
): Promise<{ dms: boolean; dmsClosed: boolean; partnerOptIn: boolean; paused: boolean; serverLeft: boolean }> {
  const [row] = await db
    .select({
      dms: members.dms,
      closedAt: members.dmsClosedAt,
      optIn: members.partnerOptIn,
      paused: memberPausedAt(db, now).mapWith(Boolean),
      inServer: botNotRemovedSql(members.guildId).mapWith(Boolean),
    })
    .from(members)
    .where(ofMember(members, key))
    .limit(1);
  return { dms: row?.dms ?? false, dmsClosed: row?.closedAt != null, partnerOptIn: row?.optIn ?? false, paused: row?.paused ?? false, serverLeft: row ? !row.inServer : false };
}
