// What PostgreSQL spent on one bench database, and only on it: CPU of its own backends, buffers it touched.
import { readFile } from 'node:fs/promises';
import type postgres from 'postgres';

const TICK_MS = 10; // /proc counts CPU in clock ticks of 10 ms (USER_HZ = 100 on Linux)

export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * TICK_MS;
}

export interface CostSample {
  cpuMs: number;
  buffers: number;
  /** From pg_stat_statements when the cluster preloads it; undefined otherwise. */
  calls?: number | undefined;
  plans?: number | undefined;
}

/**
 * A sample of the database's cost so far: CPU of the backends connected to it now (pg_stat_activity
 * where datname = it; a backend that left in between is not counted), and the shared buffers its
 * tables and indexes were read through (pg_statio; call statsSettled first).
 */
export async function sampleCost(db: postgres.Sql, statements: boolean, backends?: number[]): Promise<CostSample & { backends: number[] }> {
  const pids = backends ?? (await db`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`).map((r) => Number(r.pid));
  let cpuMs = 0;
  for (const pid of pids) cpuMs += await processCpuMs(pid);
  await db`select pg_stat_clear_snapshot()`;
  const [io] = await db`select (select coalesce(sum(coalesce(heap_blks_hit, 0) + coalesce(heap_blks_read, 0) + coalesce(idx_blks_hit, 0) + coalesce(idx_blks_read, 0)), 0)
    from pg_statio_user_tables)::bigint as buffers`;
  const sample: CostSample & { backends: number[] } = { cpuMs, buffers: Number(io?.buffers ?? 0), backends: pids };
  if (statements) {
    const [s] = await db`select coalesce(sum(calls), 0)::bigint as calls, coalesce(sum(plans), 0)::bigint as plans from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and query ilike '%insert into wins%'`;
    sample.calls = Number(s?.calls ?? 0);
    sample.plans = Number(s?.plans ?? 0);
  }
  return sample;
}

/** pg_stat_statements in this database, when the cluster preloads it (only a private cluster should). */
export async function statementsAvailable(db: postgres.Sql): Promise<boolean> {
  const [row] = await db`select current_setting('shared_preload_libraries') like '%pg_stat_statements%' as loaded`;
  if (!row?.loaded) return false;
  await db`create extension if not exists pg_stat_statements`;
  return true;
}

/**
 * Waits until every pooled backend has flushed its statistics: a backend flushes when it goes idle at
 * least a second after its last flush, so after a second each of them runs one short query.
 */
export async function statsSettled(pooled: (query: string) => Promise<unknown>, poolSize: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await Promise.all(Array.from({ length: poolSize }, () => pooled('select pg_sleep(0.05)')));
}
