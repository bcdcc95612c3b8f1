import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { MemberKey } from './members.js';

/**
 * SQL for the member's time, for statements that must know it without a round trip first.
 * They agree with `memberSettings` (src/db/members.ts, which `timezoneOf` in src/features/member-time.ts asks) and `weekRange`/`monthRange` (src/domain/time.ts);
 * test/db/member-time-sql.test.ts holds them to it over many zones and DST days.
 */

/**
 * The member's timezone: their own, else the server's, else UTC. The key is a member's ids, or the
 * columns holding them in the statement's rows (then it is worked out for each row).
 */
export const memberTimezoneSql = (key: MemberKey | { guildId: AnyColumn; userId: AnyColumn }): SQL<string> => sql<string>`coalesce(
  (select m.timezone from members m where m.guild_id = ${key.guildId} and m.user_id = ${key.userId}),
  (select g.timezone from guilds g where g.id = ${key.guildId}),
  'UTC')`;

/** The key of `wins_member_key_time_idx`: only a member's own query can use that index. */
export const memberKeyText = (key: MemberKey): string => `${key.guildId}:${key.userId}`;
export const winMemberKeySql = (alias: string): SQL => sql.raw(`(${alias}.guild_id || ':' || ${alias}.user_id)`);

/**
 * The first instant of the local day starting at `local` (a local midnight), as the domain's
 * startOfLocalDay answers it: a skipped midnight gives the gap's end; a midnight that happens twice
 * gives the earlier one, unless the clock fell back across midnight (then the day starts at the later).
 */
function dayStartSql(local: string, tz: SQL): SQL {
  const wall = sql.raw(`(${local})`);
  const later = sql`(${wall} at time zone ${tz})`;
  // Three hours before midnight is past any transition at midnight; the same wall time back then.
  const earlier = sql`((${wall} - interval '3 hours') at time zone ${tz} + interval '3 hours')`;
  return sql`(case when ${earlier} < ${later} and (${earlier} at time zone ${tz}) = ${wall}
    and ((${later} - interval '1 microsecond') at time zone ${tz})::date = ${wall}::date then ${earlier} else ${later} end)`;
}

/**
 * A subquery with `week_start, week_end, month_start, month_end` (Monday weeks, local months) holding
 * `instant` in `tz`. Minutes before a clock falls back across midnight belong to the day before, as in the domain.
 * Every value is worked out once (each `offset 0` keeps the planner from copying an expression into each
 * place that reads it), and the period before is only worked out when the instant falls before the local
 * start (CASE evaluates only the branch it takes): four local midnights per row instead of six. On a
 * slow machine that is 7 µs of PostgreSQL CPU per row instead of 15-20 (EXPLAIN ANALYZE, 100,000 rows).
 */
export function periodsSql(tz: SQL, instant: SQL): SQL {
  const zone = sql.raw('i.tz');
  const period = (unit: 'week' | 'month') => sql`cross join lateral (select l.local, ${dayStartSql('l.local', zone)} as start
      from (select date_trunc('${sql.raw(unit)}', i.at at time zone i.tz) as local offset 0) l offset 0) ${sql.raw(unit === 'week' ? 'w' : 'm')}`;
  return sql`(select
      case when w.start > i.at then ${dayStartSql("w.local - interval '7 days'", zone)} else w.start end as week_start,
      case when w.start > i.at then w.start else ${dayStartSql("w.local + interval '7 days'", zone)} end as week_end,
      case when m.start > i.at then ${dayStartSql("m.local - interval '1 month'", zone)} else m.start end as month_start,
      case when m.start > i.at then m.start else ${dayStartSql("m.local + interval '1 month'", zone)} end as month_end
    from (select ${instant} as at, ${tz}::text as tz offset 0) i ${period('week')} ${period('month')}
    offset 0)`;
}
