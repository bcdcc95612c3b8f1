// Test fixtures: wins written straight to the database (the bot itself writes through src/db/record-win.ts).
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { ofMember } from '../../src/db/member-filter.js';
import type { Db } from '../../src/db/client.js';
import { ensureMember, type MemberKey } from '../../src/db/members.js';
import { wins, type Win } from '../../src/db/schema.js';
import type { Range } from '../../src/domain/time.js';

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

export async function listMemberWins(db: Db, key: MemberKey): Promise<Win[]> {
  return db
    .select()
    .from(wins)
    .where(ofMember(wins, key))
    .orderBy(wins.occurredAt);
}
