import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import {
  checkins,
  memberDms,
  goalRevisions,
  goals,
  members,
  pairings,
  pauses,
  wins,
  type Checkin,
  type Goal,
  type GoalRevision,
  type Pause,
  type Win,
} from './schema.js';

/** Everything stored about one member in one server (SPEC §2 `/privacy export`). */
export interface MemberDataExport {
  guildId: string;
  userId: string;
  /** Null when the member has no settings row (never used a command, or deleted their data). */
  settings: { timezone: string | null; dms: boolean; partnerOptIn: boolean; dmsClosedAt: Date | null; createdAt: Date } | null;
  wins: Win[];
  goals: (Goal & { revisions: Omit<GoalRevision, 'goalId'>[] })[];
  pauses: Pause[];
  checkins: Checkin[];
  /** Partners are the other members with the same group number that week; their ids are theirs, not exported here. */
  pairings: { weekKey: string; groupNo: number; createdAt: Date }[];
  /** DMs the bot sent or tried to send them: personal recaps and check-in prompts. */
  memberDms: { kind: string; period: string; status: string; claimedAt: Date; finishedAt: Date | null; attempts: number }[];
}

/** Reads every row about the member in this server in one consistent snapshot; nothing of other members or servers. */
export async function exportMemberData(db: Db, key: MemberKey): Promise<MemberDataExport> {
  return db.transaction(
    async (tx) => {
      const [settings] = await tx
        .select({
          timezone: members.timezone,
          dms: members.dms,
          partnerOptIn: members.partnerOptIn,
          dmsClosedAt: members.dmsClosedAt,
          createdAt: members.createdAt,
        })
        .from(members)
        .where(and(eq(members.guildId, key.guildId), eq(members.userId, key.userId)));
      const memberWins = await tx
        .select()
        .from(wins)
        .where(and(eq(wins.guildId, key.guildId), eq(wins.userId, key.userId)))
        .orderBy(asc(wins.occurredAt), asc(wins.id));
      const memberGoals = await tx
        .select()
        .from(goals)
        .where(and(eq(goals.guildId, key.guildId), eq(goals.userId, key.userId)))
        .orderBy(asc(goals.createdAt), asc(goals.id));
      const revisions = await tx
        .select({ goalId: goalRevisions.goalId, effectiveFrom: goalRevisions.effectiveFrom, target: goalRevisions.target, period: goalRevisions.period })
        .from(goalRevisions)
        .innerJoin(goals, eq(goals.id, goalRevisions.goalId))
        .where(and(eq(goals.guildId, key.guildId), eq(goals.userId, key.userId)))
        .orderBy(asc(goalRevisions.effectiveFrom));
      const memberPauses = await tx
        .select()
        .from(pauses)
        .where(and(eq(pauses.guildId, key.guildId), eq(pauses.userId, key.userId)))
        .orderBy(asc(pauses.startedAt), asc(pauses.id));
      const memberCheckins = await tx
        .select()
        .from(checkins)
        .where(and(eq(checkins.guildId, key.guildId), eq(checkins.userId, key.userId)))
        .orderBy(asc(checkins.weekKey));
      // Only the member's own pairing rows: a partner's id is arguably the partner's data, so the group number stands in for it.
      const memberPairings = await tx
        .select({ weekKey: pairings.weekKey, groupNo: pairings.groupNo, createdAt: pairings.createdAt })
        .from(pairings)
        .where(and(eq(pairings.guildId, key.guildId), eq(pairings.userId, key.userId)))
        .orderBy(asc(pairings.weekKey));
      const dms = await tx
        .select({ kind: memberDms.kind, period: memberDms.period, status: memberDms.status, claimedAt: memberDms.claimedAt, finishedAt: memberDms.finishedAt, attempts: memberDms.attempts })
        .from(memberDms)
        .where(and(eq(memberDms.guildId, key.guildId), eq(memberDms.userId, key.userId)))
        .orderBy(asc(memberDms.period), asc(memberDms.kind));
      return {
        ...key,
        settings: settings ?? null,
        wins: memberWins,
        goals: memberGoals.map((goal) => ({
          ...goal,
          revisions: revisions.filter((r) => r.goalId === goal.id).map(({ goalId: _, ...revision }) => revision),
        })),
        pauses: memberPauses,
        checkins: memberCheckins,
        pairings: memberPairings,
        memberDms: dms,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * Deletes everything stored about the member in this server, in one transaction: the member row
 * (which cascades to wins, goals and their revisions, pauses, DM recaps, check-ins and prompts) and
 * their pairing rows (which have no foreign key to members). Other servers and members are untouched.
 * Answers whether anything was stored.
 */
export async function deleteMemberData(db: Db, key: MemberKey): Promise<boolean> {
  return db.transaction(async (tx) => {
    const pairingRows = await tx
      .delete(pairings)
      .where(and(eq(pairings.guildId, key.guildId), eq(pairings.userId, key.userId)))
      .returning({ weekKey: pairings.weekKey });
    const memberRows = await tx
      .delete(members)
      .where(and(eq(members.guildId, key.guildId), eq(members.userId, key.userId)))
      .returning({ userId: members.userId });
    return pairingRows.length + memberRows.length > 0;
  });
}
