import { and, asc, count, eq, gte, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import type { GoalPeriod, GoalShare, Revision } from '../domain/goals.js';
import type { Db } from './client.js';
import { ensureMember, type MemberKey } from './members.js';
import { goalRevisions, goals, members, wins, type Goal } from './schema.js';
import type { Range } from '../domain/time.js';

export interface NewGoal {
  title: string;
  target: number;
  period: GoalPeriod;
  share: GoalShare;
  /** The if-then plan (SPEC §13); null clears a part in an edit. */
  planWhen?: string | null;
  planThen?: string | null;
  planAt?: string | null;
  planDay?: number | null;
  planReminders?: boolean;
}

const ownedBy = (key: MemberKey) => ofMember(goals, key);

/**
 * Creates a goal unless the member already has `maxActive` active ones; the member row
 * is locked so two quick adds cannot both slip under the limit.
 */
export async function createGoal(db: Db, key: MemberKey, goal: NewGoal, now: Date, maxActive: number): Promise<Goal | 'limit' | 'duplicate'> {
  return db.transaction(async (tx) => {
    await ensureMember(tx, key, now);
    await tx
      .select({ userId: members.userId })
      .from(members)
      .where(ofMember(members, key))
      .for('update');
    const [active] = await tx.select({ n: count() }).from(goals).where(and(ownedBy(key), isNull(goals.archivedAt)));
    if ((active?.n ?? 0) >= maxActive) return 'limit';
    if (await titleTaken(tx, key, goal.title)) return 'duplicate';
    const [row] = await tx.insert(goals).values({ ...key, ...goal, createdAt: now }).returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(goalRevisions).values({ goalId: row.id, effectiveFrom: now, target: goal.target, period: goal.period });
    return row;
  });
}

export async function activeGoals(db: Db, key: MemberKey): Promise<Goal[]> {
  return db
    .select()
    .from(goals)
    .where(and(ownedBy(key), isNull(goals.archivedAt)))
    .orderBy(asc(goals.createdAt), asc(goals.id));
}

/** A member's active goals with one of these shares: 'server' for anyone, 'partner' too for this week's partner. */
export async function goalsSharedAs(db: Db, key: MemberKey, shares: readonly GoalShare[]): Promise<Goal[]> {
  return (await activeGoals(db, key)).filter((goal) => (shares as readonly string[]).includes(goal.share));
}

/** One of the member's own active goals: never someone else's, whatever id a client sends. */
export async function findActiveGoal(db: Db, key: MemberKey, goalId: number): Promise<Goal | undefined> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(ownedBy(key), eq(goals.id, goalId), isNull(goals.archivedAt)))
    .limit(1);
  return row;
}

/**
 * The goal a member picked: an id from autocomplete, or a title typed by hand (case-insensitive).
 * Only their own active goals are ever found.
 */
export async function findActiveGoalByInput(db: Db, key: MemberKey, raw: string): Promise<Goal | undefined> {
  const value = raw.trim();
  if (/^\d{1,15}$/.test(value)) {
    const byId = await findActiveGoal(db, key, Number(value));
    if (byId) return byId;
  }
  return (await activeGoals(db, key)).find((goal) => goal.title.toLowerCase() === value.toLowerCase());
}

/** Whether another active goal of the member already has this title, whatever its case. */
async function titleTaken(db: Db, key: MemberKey, title: string, exceptGoalId?: number): Promise<boolean> {
  const conditions = [ownedBy(key), isNull(goals.archivedAt), eq(sql`lower(${goals.title})`, title.toLowerCase())];
  if (exceptGoalId !== undefined) conditions.push(ne(goals.id, exceptGoalId));
  const [row] = await db.select({ id: goals.id }).from(goals).where(and(...conditions)).limit(1);
  return row !== undefined;
}

/**
 * Applies changes; a new target or period starts a revision now, so earlier periods keep theirs.
 * A title another active goal already has is refused ('duplicate').
 */
export async function updateGoal(db: Db, key: MemberKey, goalId: number, changes: Partial<NewGoal>, now: Date): Promise<Goal | undefined | 'duplicate'> {
  return db.transaction(async (tx) => {
    if (changes.title !== undefined && (await titleTaken(tx, key, changes.title, goalId))) return 'duplicate';
    const [row] = await tx
      .update(goals)
      .set({ ...changes, ...(changes.target !== undefined || changes.period !== undefined ? { declinedOffer: null } : {}) })
      .where(and(ownedBy(key), eq(goals.id, goalId), isNull(goals.archivedAt)))
      .returning();
    if (!row) return undefined;
    if (changes.target !== undefined || changes.period !== undefined) {
      const revision = { goalId, effectiveFrom: now, target: row.target, period: row.period };
      await tx
        .insert(goalRevisions)
        .values(revision)
        .onConflictDoUpdate({ target: [goalRevisions.goalId, goalRevisions.effectiveFrom], set: { target: row.target, period: row.period } });
    }
    return row;
  });
}

export async function archiveGoal(db: Db, key: MemberKey, goalId: number, now: Date): Promise<Goal | undefined> {
  const [row] = await db
    .update(goals)
    .set({ archivedAt: now })
    .where(and(ownedBy(key), eq(goals.id, goalId), isNull(goals.archivedAt)))
    .returning();
  return row;
}

export async function declineOffer(db: Db, key: MemberKey, goalId: number, offerKey: string): Promise<void> {
  await db.update(goals).set({ declinedOffer: offerKey }).where(and(ownedBy(key), eq(goals.id, goalId)));
}

/** Revisions of several goals at once, oldest first, keyed by goal id. */
export async function revisionsOf(db: Db, goalIds: readonly number[]): Promise<Map<number, Revision[]>> {
  const byGoal = new Map<number, Revision[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return byGoal;
  const rows = await db
    .select()
    .from(goalRevisions)
    .where(inArray(goalRevisions.goalId, [...goalIds]))
    .orderBy(asc(goalRevisions.effectiveFrom));
  for (const row of rows) byGoal.get(row.goalId)?.push({ effectiveFrom: row.effectiveFrom, target: row.target, period: row.period as GoalPeriod });
  return byGoal;
}

/** When the wins linked to each goal happened, within a range; private wins only when asked. */
export async function goalWinTimes(
  db: Db,
  goalIds: readonly number[],
  range: Range,
  options: { includePrivate: boolean },
): Promise<Map<number, Date[]>> {
  const byGoal = new Map<number, Date[]>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return byGoal;
  const rows = await db
    .select({ goalId: wins.goalId, occurredAt: wins.occurredAt })
    .from(wins)
    .where(
      and(
        inArray(wins.goalId, [...goalIds]),
        gte(wins.occurredAt, range.start),
        lt(wins.occurredAt, range.end),
        options.includePrivate ? sql`true` : eq(wins.isPrivate, false),
      ),
    );
  for (const row of rows) if (row.goalId !== null) byGoal.get(row.goalId)?.push(row.occurredAt);
  return byGoal;
}
