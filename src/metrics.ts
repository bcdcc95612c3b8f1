import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HandledInteraction } from './discord/router.js';
import type { JobObserver, ScheduledJob } from './jobs/observer.js';

/** One gateway shard as the metrics see it (read at scrape time). */
export interface ShardState {
  id: number;
  /** Heartbeat round trip in ms; -1 before the first heartbeat. */
  pingMs: number;
  ready: boolean;
}

export interface PoolUsage {
  open: number;
  inUse: number;
  max: number;
}

export interface MetricsSources {
  shards?: () => readonly ShardState[];
  guilds?: () => number;
  pool?: () => Promise<PoolUsage | undefined>;
}

// Each job's items are counted under its own name, so dashboards read "recap posts by outcome" directly.
const JOB_COUNTER: Record<ScheduledJob, { name: string; help: string }> = {
  recaps: { name: 'small_wins_recap_posts_total', help: 'Weekly recap posts by outcome (posted, adopted, skipped, failed, pending).' },
  'dm-recaps': { name: 'small_wins_dm_recaps_total', help: 'Personal recap DMs by outcome (sent, dmsClosed, failed).' },
  'checkin-prompts': { name: 'small_wins_checkin_prompts_total', help: 'Check-in prompt DMs by outcome (sent, dmsClosed, failed).' },
  'plan-reminders': { name: 'small_wins_plan_reminders_total', help: 'If-then plan reminder DMs by outcome (sent, dmsClosed, failed).' },
  'fresh-starts': { name: 'small_wins_fresh_starts_total', help: 'Fresh-start DMs by outcome (sent, dmsClosed, failed).' },
};

// A scrape must not hang on a stalled database.
const POOL_QUERY_TIMEOUT_MS = 2000;

/** Prometheus metrics in their own registry (tests make several), with the hooks the bot and the scheduler call. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // prom-client names three gauges `_total` (promtool rejects that); their per-type versions remain.
  for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);
  const registers = [registry];
  let sources: MetricsSources = {};

  const interactions = new Counter({
    name: 'small_wins_interactions_total',
    help: 'Interactions handled, by command and outcome (ok, refused, error).',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers,
  });
  const interactionSeconds = new Histogram({
    name: 'small_wins_interaction_duration_seconds',
    help: 'Time from receiving an interaction to having answered it.',
    labelNames: ['kind', 'command'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const databaseErrors = new Counter({
    name: 'small_wins_database_errors_total',
    help: 'Database failures seen, by where (interaction, scheduler, health).',
    labelNames: ['source'] as const,
    registers,
  });
  const jobItems = Object.fromEntries(
    Object.entries(JOB_COUNTER).map(([job, { name, help }]) => [job, new Counter({ name, help, labelNames: ['outcome'] as const, registers })]),
  ) as Record<ScheduledJob, Counter<'outcome'>>;
  const jobFailures = new Counter({ name: 'small_wins_scheduled_job_failures_total', help: 'Scheduler ticks in which a job threw.', labelNames: ['job'] as const, registers });
  const schedulerLag = new Histogram({
    name: 'small_wins_scheduler_lag_seconds',
    help: 'How late due work was claimed, after its due time.',
    labelNames: ['job'] as const,
    buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600, 21600, 86400],
    registers,
  });
  new Gauge({
    name: 'small_wins_gateway_ping_seconds',
    help: 'Gateway heartbeat round trip, per shard.',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards?.() ?? []) if (shard.pingMs >= 0) this.set({ shard: String(shard.id) }, shard.pingMs / 1000);
    },
  });
  new Gauge({
    name: 'small_wins_gateway_shard_up',
    help: '1 when the shard is connected and ready, 0 otherwise.',
    labelNames: ['shard'] as const,
    registers,
    collect() {
      this.reset();
      for (const shard of sources.shards?.() ?? []) this.set({ shard: String(shard.id) }, shard.ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'small_wins_guilds',
    help: 'Servers this process serves.',
    registers,
    collect() {
      if (sources.guilds) this.set(sources.guilds());
    },
  });
  new Gauge({
    name: 'small_wins_database_connections',
    help: 'PostgreSQL connections of this process: open, in use (running a query), and the pool maximum.',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      this.reset();
      const usage = await poolUsageWithin(sources.pool, POOL_QUERY_TIMEOUT_MS).catch(() => {
        databaseErrors.inc({ source: 'metrics' });
        return undefined;
      });
      if (!usage) return;
      this.set({ state: 'open' }, usage.open);
      this.set({ state: 'in_use' }, usage.inUse);
      this.set({ state: 'max' }, usage.max);
    },
  });

  const jobObserver: JobObserver = {
    jobRan: (job, outcomes) => {
      for (const [outcome, count] of Object.entries(outcomes)) if (count > 0) jobItems[job].inc({ outcome }, count);
    },
    jobFailed: (job) => jobFailures.inc({ job }),
    claimedLate: (job, lateByMs) => schedulerLag.observe({ job }, Math.max(0, lateByMs) / 1000),
  };

  return {
    registry,
    jobObserver,
    observeInteraction(event: HandledInteraction): void {
      // Two literals, not `{ ...labels, outcome }`: on Node 20 (V8 11) that gets a hidden class of its own every time.
      interactions.inc({ kind: event.kind, command: event.command, outcome: event.outcome });
      interactionSeconds.observe({ kind: event.kind, command: event.command }, event.durationMs / 1000);
      if (event.reason === 'database-unavailable') databaseErrors.inc({ source: 'interaction' });
    },
    databaseError(source: string): void {
      databaseErrors.inc({ source });
    },
    /** Where the scrape-time gauges read from, once the bot and the database exist. */
    bind(next: MetricsSources): void {
      // eslint-disable-next-line no-restricted-syntax -- at start-up, not per interaction
      sources = { ...sources, ...next };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

async function poolUsageWithin(read: MetricsSources['pool'], ms: number): Promise<PoolUsage | undefined> {
  if (!read) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('pool usage timed out')), ms)));
  try {
    return await Promise.race([read(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
