import { and, eq, gte, ilike, lt, type SQL } from 'drizzle-orm';
import type { Range } from '../domain/time.js';
import type { Db } from './client.js';
import { ofMember, type MemberKey } from './member-filter.js';
import { wins, type Win } from './schema.js';
import { winPage } from './win-list.js';

export interface WinFilter {
  /** Words to find in the text, case-insensitive. */
  search?: string | undefined;
  goalId?: number | undefined;
  visibility?: 'private' | 'public' | undefined;
  /** When the wins happened (`occurred_at`); all time when absent. */
  range?: Range | null | undefined;
}

/** `%` and `_` typed by a member are literal characters, not patterns. */
const likeLiteral = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(key: MemberKey, filter: WinFilter): SQL | undefined {
  const conditions = [ofMember(wins, key)];
  if (filter.search) conditions.push(ilike(wins.text, likeLiteral(filter.search)));
  if (filter.goalId !== undefined) conditions.push(eq(wins.goalId, filter.goalId));
  if (filter.visibility) conditions.push(eq(wins.isPrivate, filter.visibility === 'private'));
  if (filter.range) conditions.push(gte(wins.occurredAt, filter.range.start), lt(wins.occurredAt, filter.range.end));
  return and(...conditions);
}

/** One page of the member's own wins matching the filter, newest first, and how many match in all. */
export async function searchMemberWins(
  db: Db,
  key: MemberKey,
  filter: WinFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; wins: Win[] }> {
  return winPage(db, filtered(key, filter), page);
}

/** The win only if it is this member's in this server. */
export async function findMemberWin(db: Db, key: MemberKey, winId: number): Promise<Win | undefined> {
  const [row] = await db
    .select()
    .from(wins)
    .where(and(eq(wins.id, winId), ofMember(wins, key)))
    .limit(1);
  return row;
}

/** Changes the text of the member's own win; undefined when it is not theirs (or gone). */
export async function editMemberWinText(db: Db, key: MemberKey, winId: number, text: string): Promise<Win | undefined> {
  const [row] = await db
    .update(wins)
    .set({ text })
    .where(and(eq(wins.id, winId), ofMember(wins, key)))
    .returning();
  return row;
}
