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
 */
export function periodsSql(tz: SQL, instant: SQL): SQL {
  return sql`(select
      case when s.week > s.at then s.week_before else s.week end as week_start,
      case when s.week > s.at then s.week else s.week_after end as week_end,
      case when s.month > s.at then s.month_before else s.month end as month_start,
      case when s.month > s.at then s.month else s.month_after end as month_end
    from (select l.at, ${dayStartSql('l.week', tz)} as week, ${dayStartSql("l.week - interval '7 days'", tz)} as week_before,
        ${dayStartSql("l.week + interval '7 days'", tz)} as week_after, ${dayStartSql('l.month', tz)} as month,
        ${dayStartSql("l.month - interval '1 month'", tz)} as month_before, ${dayStartSql("l.month + interval '1 month'", tz)} as month_after
      from (select i.at, date_trunc('week', i.at at time zone ${tz}) as week, date_trunc('month', i.at at time zone ${tz}) as month
        from (select ${instant} as at) i) l) s
      -- Kept a subquery (offset 0): flattened, each bound's long expression would be copied into every
      -- place that reads it (the output, both ends of each count's index range) and evaluated there.
      offset 0)`;
}
