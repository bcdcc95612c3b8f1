import { and, eq, type AnyColumn, type SQL } from 'drizzle-orm';

/** A member in one server: every per-member row is keyed by both. */
export interface MemberKey {
  guildId: string;
  userId: string;
}

/** The same member as a row of another table in the query (for joins). */
export interface MemberColumns {
  guildId: AnyColumn;
  userId: AnyColumn;
}

/**
 * `WHERE guild_id = … AND user_id = …` for any table keyed by member: the one way rows are scoped
 * to a member, given as values or as another table's columns (a join on the member).
 */
export function ofMember(table: MemberColumns, key: MemberKey | MemberColumns): SQL {
  return and(eq(table.guildId, key.guildId), eq(table.userId, key.userId)) as SQL;
}
