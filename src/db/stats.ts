import { and, gte, lt } from 'drizzle-orm';
import { ofMember } from './member-filter.js';
import { formatLocalDate } from '../domain/time-calendar.js';
import { localDateOf } from '../domain/time.js';
import type { Db } from './client.js';
import type { MemberKey } from './members.js';
import { wins } from './schema.js';
import type { Range } from '../domain/time.js';

/**
 * Wins per local day ('YYYY-MM-DD' in `timezone`) of one member, private ones included: it is for
 * their own eyes only. `range` null: their whole history. One query for the instants, grouped here
 * with the same timezone code as everything else (SQL's AT TIME ZONE would need the server's tz data).
 */
export async function winCountsByLocalDay(
  db: Db,
  key: MemberKey,
  range: Range | null,
  timezone: string,
): Promise<Map<string, number>> {
  const conditions = [ofMember(wins, key)];
  if (range) conditions.push(gte(wins.occurredAt, range.start), lt(wins.occurredAt, range.end));
  const rows = await db.select({ occurredAt: wins.occurredAt }).from(wins).where(and(...conditions));
  const days = new Map<string, number>();
  for (const { occurredAt } of rows) {
    const day = formatLocalDate(localDateOf(timezone, occurredAt));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}
