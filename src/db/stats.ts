import { and, gte, lt, sql } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import { countByLocalDay } from '../domain/local-day-counts.js';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { wins } from './schema.js';
import type { Range } from '../domain/time.js';

/**
 * Wins per local day ('YYYY-MM-DD' in `timezone`) of one member, private ones included: it is for
 * their own eyes only. `range` null: their whole history. One query for the instants, grouped here
 * with the same timezone code as everything else (SQL's AT TIME ZONE would need the server's tz data,
 * and PGlite knows fewer zones).
 */
export async function winCountsByLocalDay(
  db: Db,
  key: MemberKey,
  range: Range | null,
  timezone: string,
): Promise<Map<string, number>> {
  const conditions = [ofMember(wins, key)];
  if (range) conditions.push(gte(wins.occurredAt, range.start), lt(wins.occurredAt, range.end));
  // One row of epoch seconds, not a row per win: drivers (PGlite above all) parse a timestamp per row
  // slowly. Whole seconds keep every local day: offsets are whole seconds.
  const [row] = await db
    .select({ seconds: sql<string | null>`string_agg(floor(extract(epoch from ${wins.occurredAt}))::int8::text, ',')` })
    .from(wins)
    .where(and(...conditions));
  const seconds = row?.seconds ? row.seconds.split(',') : [];
  return countByLocalDay(timezone, seconds.map((s) => Number(s) * 1000));
}
