import { and, asc, eq } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import {
  checkinCheers,
  checkins,
  memberDms,
  memberHomes,
  goalRevisions,
  goals,
  members,
  pairings,
  pauses,
  roleLinks,
  streakRepairs,
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
  /** Null when the member has no settings row (never used a command, or deleted their data). `locale`: their Discord language, null: English. */
  settings: { timezone: string | null; locale: string | null; dms: boolean; partnerOptIn: boolean; freshStart: boolean; dmsClosedAt: Date | null; createdAt: Date } | null;
  wins: Win[];
  goals: (Goal & { revisions: Omit<GoalRevision, 'goalId'>[] })[];
  pauses: Pause[];
  checkins: Checkin[];
  /** Partners are the other members with the same group number that week; their ids are theirs, not exported here. */
  pairings: { weekKey: string; groupNo: number; createdAt: Date }[];
  /** Cheers they gave on partners' check-ins here; whose check-in is the partner's data, not exported here. */
  cheersGiven: { weekKey: string; cheeredAt: Date }[];
  /** Cheers on their own check-ins; who cheered is the cheerer's data, not exported here. */
  cheersReceived: { weekKey: string; cheeredAt: Date }[];
  /** DMs the bot sent or tried to send them: personal recaps and check-in prompts. */
  memberDms: { kind: string; period: string; status: string; claimedAt: Date; finishedAt: Date | null; attempts: number }[];
  /** Empty weeks they repaired from /progress (SPEC §13). */
  streakRepairs: { weekStart: string; repairedAt: Date }[];
  /** Their consistency-role link from this server, if any (the sealed token itself is not exported). */
  roleLink: { linkedAt: Date; expiresAt: Date; weeksActive: number | null } | null;
  /** Their home-server row when it names this server (SPEC §11: where their wins from DMs count); null otherwise. */
  home: { guildId: string; updatedAt: Date } | null;
}

/** Reads every row about the member in this server in one consistent snapshot; nothing of other members or servers. */
export async function exportMemberData(db: Db, key: MemberKey): Promise<MemberDataExport> {
  return db.transaction(
    async (tx) => {
      const [settings] = await tx
        .select({
          timezone: members.timezone,
          locale: members.locale,
          dms: members.dms,
          partnerOptIn: members.partnerOptIn,
          freshStart: members.freshStart,
          dmsClosedAt: members.dmsClosedAt,
          createdAt: members.createdAt,
        })
        .from(members)
        .where(ofMember(members, key));
      const memberWins = await tx
        .select()
        .from(wins)
        .where(ofMember(wins, key))
        .orderBy(asc(wins.occurredAt), asc(wins.id));
      const memberGoals = await tx
        .select()
        .from(goals)
        .where(ofMember(goals, key))
        .orderBy(asc(goals.createdAt), asc(goals.id));
      const revisions = await tx
        .select({ goalId: goalRevisions.goalId, effectiveFrom: goalRevisions.effectiveFrom, target: goalRevisions.target, period: goalRevisions.period })
        .from(goalRevisions)
        .innerJoin(goals, eq(goals.id, goalRevisions.goalId))
        .where(ofMember(goals, key))
        .orderBy(asc(goalRevisions.effectiveFrom));
      const memberPauses = await tx
        .select()
        .from(pauses)
        .where(ofMember(pauses, key))
        .orderBy(asc(pauses.startedAt), asc(pauses.id));
      const memberCheckins = await tx
        .select()
        .from(checkins)
        .where(ofMember(checkins, key))
        .orderBy(asc(checkins.weekKey));
      // Only the member's own pairing rows: a partner's id is arguably the partner's data, so the group number stands in for it.
      const memberPairings = await tx
        .select({ weekKey: pairings.weekKey, groupNo: pairings.groupNo, createdAt: pairings.createdAt })
        .from(pairings)
        .where(ofMember(pairings, key))
        .orderBy(asc(pairings.weekKey));
      // Cheers without the other member's id, for the same reason. A cheer's userId is the check-in's author: ofMember finds those received.
      const given = await tx
        .select({ weekKey: checkinCheers.weekKey, cheeredAt: checkinCheers.cheeredAt })
        .from(checkinCheers)
        .where(and(eq(checkinCheers.guildId, key.guildId), eq(checkinCheers.cheererId, key.userId)))
        .orderBy(asc(checkinCheers.weekKey), asc(checkinCheers.cheeredAt));
      const received = await tx
        .select({ weekKey: checkinCheers.weekKey, cheeredAt: checkinCheers.cheeredAt })
        .from(checkinCheers)
        .where(ofMember(checkinCheers, key))
        .orderBy(asc(checkinCheers.weekKey), asc(checkinCheers.cheeredAt));
      const dms = await tx
        .select({ kind: memberDms.kind, period: memberDms.period, status: memberDms.status, claimedAt: memberDms.claimedAt, finishedAt: memberDms.finishedAt, attempts: memberDms.attempts })
        .from(memberDms)
        .where(ofMember(memberDms, key))
        .orderBy(asc(memberDms.period), asc(memberDms.kind));
      const repairs = await tx
        .select({ weekStart: streakRepairs.weekStart, repairedAt: streakRepairs.repairedAt })
        .from(streakRepairs)
        .where(ofMember(streakRepairs, key))
        .orderBy(asc(streakRepairs.weekStart));
      const [link] = await tx
        .select({ linkedAt: roleLinks.linkedAt, expiresAt: roleLinks.expiresAt, weeksActive: roleLinks.weeksActive })
        .from(roleLinks)
        .where(ofMember(roleLinks, key));
      const [home] = await tx
        .select({ guildId: memberHomes.guildId, updatedAt: memberHomes.updatedAt })
        .from(memberHomes)
        .where(and(eq(memberHomes.userId, key.userId), eq(memberHomes.guildId, key.guildId)));
      return {
        ...key,
        settings: settings ?? null,
        home: home ?? null,
        streakRepairs: repairs,
        roleLink: link ?? null,
        wins: memberWins,
        goals: memberGoals.map((goal) => ({
          ...goal,
          revisions: revisions.filter((r) => r.goalId === goal.id).map(({ goalId: _, ...revision }) => revision),
        })),
        pauses: memberPauses,
        checkins: memberCheckins,
        pairings: memberPairings,
        cheersGiven: given,
        cheersReceived: received,
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
export async function deleteMemberData(db: Db, key: MemberKey, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const pairingRows = await tx
      .delete(pairings)
      .where(ofMember(pairings, key))
      .returning({ weekKey: pairings.weekKey, groupNo: pairings.groupNo });
    // Whoever is now left alone in a group is told so by /partner status, rather than "you're on the list".
    for (const row of pairingRows) {
      const group = and(eq(pairings.guildId, key.guildId), eq(pairings.weekKey, row.weekKey), eq(pairings.groupNo, row.groupNo));
      const left = await tx.select({ userId: pairings.userId }).from(pairings).where(group);
      if (left.length === 1) await tx.update(pairings).set({ partnersLeftAt: now }).where(group);
    }
    // Cheers the member gave; those on their own check-ins go with the check-ins.
    await tx.delete(checkinCheers).where(and(eq(checkinCheers.guildId, key.guildId), eq(checkinCheers.cheererId, key.userId)));
    // A home here goes too: it would say which server the member counts in.
    await tx.delete(memberHomes).where(and(eq(memberHomes.userId, key.userId), eq(memberHomes.guildId, key.guildId)));
    const memberRows = await tx
      .delete(members)
      .where(ofMember(members, key))
      .returning({ userId: members.userId });
    return pairingRows.length + memberRows.length > 0;
  });
}
