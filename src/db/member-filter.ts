import { and, eq, type AnyColumn, type SQL } from 'drizzle-orm';

/** A member in one server: every per-member row is keyed by both. */
export interface MemberKey {
  guildId: string;
  userId: string;
}

/** `WHERE guild_id = … AND user_id = …` for any table keyed by member: the one way rows are scoped to a member. */
export function ofMember(table: { guildId: AnyColumn; userId: AnyColumn }, key: MemberKey): SQL {
  return and(eq(table.guildId, key.guildId), eq(table.userId, key.userId)) as SQL;
}
