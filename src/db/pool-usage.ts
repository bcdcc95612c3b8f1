import type { Sql } from 'postgres';

/**
 * This process's connections as PostgreSQL sees them (postgres.js exposes no pool counters):
 * the pool tags its connections with a unique application_name. The asking query is itself one in use.
 */
export async function poolUsage(client: Sql, applicationName: string, max: number): Promise<{ open: number; inUse: number; max: number }> {
  const [row] = await client<{ open: number; active: number }[]>`
    select count(*)::int as open, count(*) filter (where state <> 'idle')::int as active
    from pg_stat_activity where application_name = ${applicationName}`;
  return { open: row?.open ?? 0, inUse: Math.max(0, (row?.active ?? 1) - 1), max };
}
