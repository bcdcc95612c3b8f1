import { and, asc, eq, gt, gte, inArray, lte, not, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pairMembers, pairsIn, PAIR_MEMORY_WEEKS } from '../domain/pairing.js';
import { weekAheadOf } from '../domain/schedule.js';
import { seededRandom } from '../domain/seeded-random.js';
import { addDays, formatIsoWeek, isoWeekOf, localDateOf, mondayOf, weekKey } from '../domain/time.js';
import type { Db } from './client.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { ensureMember, serverAndMember } from './members.js';
import { memberPausedAt } from './pauses.js';
import { guilds, members, pairings, recapRuns } from './schema.js';

/** Opts the member in to (or out of) weekly pairing; answers whether the server has check-ins on. */
export async function setPartnerOptIn(db: Db, key: MemberKey, optIn: boolean, now: Date): Promise<{ checkinsEnabled: boolean }> {
  await ensureMember(db, key, now);
  await db
    .update(members)
    .set({ partnerOptIn: optIn })
    .where(ofMember(members, key));
  const [guild] = await db.select({ checkinsEnabled: guilds.checkinsEnabled }).from(guilds).where(eq(guilds.id, key.guildId)).limit(1);
  return { checkinsEnabled: guild?.checkinsEnabled ?? false };
}

const groupsOf = (rows: readonly { userId: string; groupNo: number }[]): string[][] => {
  const byGroup = new Map<number, string[]>();
  for (const row of rows) byGroup.set(row.groupNo, [...(byGroup.get(row.groupNo) ?? []), row.userId]);
  return [...byGroup.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
};

/** The server's partner groups of a week, in group order (empty before pairing). */
export async function pairingGroups(db: Db, guildId: string, week: string): Promise<string[][]> {
  const rows = await db
    .select({ userId: pairings.userId, groupNo: pairings.groupNo })
    .from(pairings)
    .where(and(eq(pairings.guildId, guildId), eq(pairings.weekKey, week)))
    .orderBy(asc(pairings.groupNo), asc(pairings.userId));
  return groupsOf(rows);
}

/** The groups the recap's Partners section shows: none while the server has check-ins off. */
export async function recapPartnerGroups(db: Db, guildId: string, week: string): Promise<string[][]> {
  const [guild] = await db.select({ on: guilds.checkinsEnabled }).from(guilds).where(eq(guilds.id, guildId)).limit(1);
  return guild?.on ? pairingGroups(db, guildId, week) : [];
}

/** The member's partners in a week (one, or two in a trio); empty when they were not paired. */
export async function partnersOf(db: Db, key: MemberKey, week: string): Promise<string[]> {
  const groups = await pairingGroups(db, key.guildId, week);
  return groups.find((group) => group.includes(key.userId))?.filter((id) => id !== key.userId) ?? [];
}

/** Older than this, a pairing is never in force: its server's recaps stopped (no channel, or the bot was gone) long ago. */
const PAIRING_MAX_AGE_MS = 21 * 86_400_000;

/**
 * Whether a `pairings` row belongs to the server's pairing in force at `instant` (SPEC §5): the one the
 * latest recap made up to then, from that moment until the next recap, whatever calendar week it is
 * for a member by then. Made at or before `instant`, with no later pairing made by then, and no later
 * recap of the server due by then (any run of it: one that paired no one, was skipped, or has not
 * paired yet ends it too). The one definition `/partner status`, `/checkin` and the check-in prompts share.
 * Every part is bounded to the last weeks by week key, the leading column after the server in both
 * tables' keys, so no plan scans a server's whole history (week keys sort as text).
 */
export function pairingInForceAt(db: Db, instant: Date): SQL {
  const fromWeek = weekKey('UTC', new Date(instant.getTime() - PAIRING_MAX_AGE_MS));
  // What can end such a pairing lies after it; a recap's week key is the week it covers, two more weeks back is ample.
  const laterFrom = weekKey('UTC', new Date(instant.getTime() - PAIRING_MAX_AGE_MS - 14 * 86_400_000));
  const later = alias(pairings, 'later_pairing');
  const laterPairing = db
    .select({ one: sql`1` })
    .from(later)
    .where(and(eq(later.guildId, pairings.guildId), gte(later.weekKey, laterFrom), gt(later.createdAt, pairings.createdAt), lte(later.createdAt, instant)));
  const laterRecap = db
    .select({ one: sql`1` })
    .from(recapRuns)
    .where(and(eq(recapRuns.guildId, pairings.guildId), gte(recapRuns.weekKey, laterFrom), gt(recapRuns.scheduledFor, pairings.createdAt), lte(recapRuns.scheduledFor, instant)));
  return and(gte(pairings.weekKey, fromWeek), lte(pairings.createdAt, instant), notExists(laterPairing), notExists(laterRecap)) as SQL;
}

/** The week key of the server's pairing in force at `instant` (see `pairingInForceAt`), if any. */
export async function pairingWeekAt(db: Db, guildId: string, instant: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ weekKey: pairings.weekKey })
    .from(pairings)
    .where(and(eq(pairings.guildId, guildId), pairingInForceAt(db, instant)))
    .limit(1);
  return row?.weekKey;
}

/** ISO week keys of the weeks before the one holding `instant`, newest first. */
function previousWeekKeys(timezone: string, instant: Date, count: number): string[] {
  const monday = mondayOf(localDateOf(timezone, instant));
  return Array.from({ length: count }, (_, i) => formatIsoWeek(isoWeekOf(addDays(monday, -7 * (i + 1)))));
}

async function recentPairs(db: Db, guildId: string, weeks: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .select({ weekKey: pairings.weekKey, userId: pairings.userId, groupNo: pairings.groupNo })
    .from(pairings)
    .where(and(eq(pairings.guildId, guildId), inArray(pairings.weekKey, [...weeks])));
  const keys = new Set<string>();
  for (const week of weeks) for (const group of groupsOf(rows.filter((r) => r.weekKey === week))) for (const key of pairsIn(group)) keys.add(key);
  return keys;
}

/** Opted-in members of the server who are not paused at `now`. */
async function pairableMembers(db: Db, guildId: string, now: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.guildId, guildId), eq(members.partnerOptIn, true), not(memberPausedAt(db, now))))
    .orderBy(asc(members.userId));
  return rows.map((r) => r.userId);
}

/**
 * Makes the server's partner groups for the week the recap at `firedAt` opens (`weekAheadOf`), exactly
 * once: under a lock on the server's row, an existing pairing is returned as it is. Does nothing
 * while the server has check-ins off. Seeded by server and week, so a retry makes the same groups.
 */
export async function pairWeek(db: Db, guildId: string, firedAt: Date, now: Date): Promise<{ weekKey: string; groups: string[][] } | undefined> {
  return db.transaction(async (tx) => {
    const [guild] = await tx.select().from(guilds).where(eq(guilds.id, guildId)).limit(1).for('update');
    if (!guild?.checkinsEnabled) return undefined;
    // The week the recap opens: a Sunday-evening recap pairs members for the coming week.
    const ahead = weekAheadOf(guild.timezone, firedAt);
    const week = weekKey(guild.timezone, ahead);
    const existing = await pairingGroups(tx, guildId, week);
    if (existing.length > 0) return { weekKey: week, groups: existing };
    const candidates = await pairableMembers(tx, guildId, now);
    const recent = await recentPairs(tx, guildId, previousWeekKeys(guild.timezone, ahead, PAIR_MEMORY_WEEKS));
    const groups = pairMembers(candidates, recent, seededRandom(`${guildId}:${week}:pairing`));
    const rows = groups.flatMap((group, groupNo) => group.map((userId) => ({ guildId, weekKey: week, userId, groupNo, createdAt: now })));
    if (rows.length > 0) await tx.insert(pairings).values(rows).onConflictDoNothing();
    return { weekKey: week, groups: await pairingGroups(tx, guildId, week) };
  });
}

/** What `/partner status` needs to explain why a member is not paired. */
export async function partnerFacts(db: Db, key: MemberKey): Promise<{ optedIn: boolean; checkinsEnabled: boolean; nextRecapAt: Date | null }> {
  const row = await serverAndMember(db, key);
  return { optedIn: row?.optedIn ?? false, checkinsEnabled: row?.checkinsEnabled ?? false, nextRecapAt: row?.nextRecapAt ?? null };
}
