import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import type { Db } from './client.js';
import { ensureMember, type MemberKey } from './members.js';
import { wins, type Win } from './schema.js';
import type { Range } from '../domain/time.js';
// Kept for pauses.ts until it imports Range from the domain itself.
export type { Range } from '../domain/time.js';

export interface RecordWinInput extends MemberKey {
  text: string;
  isPrivate: boolean;
  occurredAt: Date;
  source?: 'command' | 'message';
  sourceMessageId?: string;
  goalId?: number | undefined;
}

/** Inserts the win (and its member on first contact) in one transaction: all or nothing. */
export async function recordWin(db: Db, input: RecordWinInput, now: Date): Promise<Win> {
  return db.transaction(async (tx) => {
    await ensureMember(tx, input, now);
    const [win] = await tx
      .insert(wins)
      .values({
        guildId: input.guildId,
        userId: input.userId,
        text: input.text,
        isPrivate: input.isPrivate,
        occurredAt: input.occurredAt,
        createdAt: now,
        source: input.source ?? 'command',
        sourceMessageId: input.sourceMessageId ?? null,
        goalId: input.goalId ?? null,
      })
      .returning();
    if (!win) throw new Error('insert returned no row');
    return win;
  });
}

/** Wins of one member that happened in [start, end); private ones only when asked. */
export async function countMemberWins(
  db: Db,
  key: MemberKey,
  range: Range | null,
  options: { includePrivate: boolean },
): Promise<number> {
  const conditions = [ofMember(wins, key)];
  if (range) conditions.push(gte(wins.occurredAt, range.start), lt(wins.occurredAt, range.end));
  if (!options.includePrivate) conditions.push(eq(wins.isPrivate, false));
  const [row] = await db.select({ n: count() }).from(wins).where(and(...conditions));
  return row?.n ?? 0;
}

export interface WinCounts {
  weekCount: number;
  total: number;
}

/** The member's wins in one week and in all, counted twice in one query: every win (their truth) and public wins only (what others may see). */
export async function winCounts(db: Db, key: MemberKey, week: Range): Promise<{ all: WinCounts; shown: WinCounts }> {
  const inWeek = sql`${wins.occurredAt} >= ${week.start.toISOString()}::timestamptz and ${wins.occurredAt} < ${week.end.toISOString()}::timestamptz`;
  const isPublic = sql`not ${wins.isPrivate}`;
  const [row] = await db
    .select({
      weekAll: sql<number>`count(*) filter (where ${inWeek})`.mapWith(Number),
      totalAll: count(),
      weekShown: sql<number>`count(*) filter (where ${inWeek} and ${isPublic})`.mapWith(Number),
      totalShown: sql<number>`count(*) filter (where ${isPublic})`.mapWith(Number),
    })
    .from(wins)
    .where(ofMember(wins, key));
  return {
    all: { weekCount: row?.weekAll ?? 0, total: row?.totalAll ?? 0 },
    shown: { weekCount: row?.weekShown ?? 0, total: row?.totalShown ?? 0 },
  };
}

export async function listMemberWins(db: Db, key: MemberKey): Promise<Win[]> {
  return db
    .select()
    .from(wins)
    .where(ofMember(wins, key))
    .orderBy(wins.occurredAt);
}
