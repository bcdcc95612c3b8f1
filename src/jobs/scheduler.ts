import cron, { type Logger as CronLogger } from 'node-cron';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { nextPromptDueBetween } from '../db/checkin-prompt-times.js';
import { nextFreshStartDueBetween } from '../db/fresh-starts.js';
import { nextPlanReminderDueBetween } from '../db/plan-reminders.js';
import { nextRecapDueBetween } from '../db/recap.js';
import { runCheckinPrompts } from './checkin-prompts.js';
import { runDmRecaps } from './dm-recaps.js';
import { runFreshStarts } from './fresh-starts.js';
import { runPlanReminders } from './plan-reminders.js';
import type { JobDeps } from './deps.js';
import { runRecaps } from './recap.js';

export interface SchedulerDeps extends JobDeps {
  clock: Clock;
}

/** The bot's only timer: one tick a minute that sweeps the database for due work. */
export interface Scheduler {
  start(): void;
  /** Stops ticking and resolves once the tick in flight (if any) has finished. */
  stop(): Promise<void>;
  /**
   * A tick right away, for a clock that was moved (the sandbox's `:time`): first the ticks the jump
   * passed over, at each recap time and check-in prompt time since the last tick, so neither is missed,
   * and at each plan-reminder and fresh-start moment of the last day (an older one would be stale).
   */
  tickNow(): Promise<void>;
  /** Whether a tick is in flight: the sandbox waits for it (src/run-sandbox.ts) before it counts the bot as done. */
  busy(): boolean;
}

// A jump of years would otherwise mean thousands of catch-up ticks.
const MAX_CATCH_UP_TICKS = 200;
/** A plan reminder or fresh-start line a jump passed over is still sent if its moment is at most this old. */
export const DM_CATCH_UP_MS = 24 * 60 * 60 * 1000;

const earliest = (a: Date | undefined, b: Date | undefined): Date | undefined => (a && b ? (a <= b ? a : b) : (a ?? b));

/** All of one minute's work, each job isolated so one failing does not stop the others. */
export async function runTick(deps: JobDeps, now: Date): Promise<void> {
  for (const [name, job] of [['recaps', runRecaps], ['dm-recaps', runDmRecaps], ['checkin-prompts', runCheckinPrompts], ['plan-reminders', runPlanReminders], ['fresh-starts', runFreshStarts]] as const) {
    try {
      const summary = await job(deps, now);
      deps.observer?.jobRan(name, Object.fromEntries(Object.entries(summary)));
    } catch (error) {
      deps.observer?.jobFailed(name);
      deps.logger.error({ err: error, job: name }, 'scheduled job failed');
    }
  }
}

// node-cron warns on every skipped overlapping run; those are expected here, so they go to debug.
function quietCronLogger(logger: Logger): CronLogger {
  return {
    info: (message) => logger.debug({ component: 'node-cron' }, message),
    warn: (message) => logger.debug({ component: 'node-cron' }, message),
    error: (message, err) => logger.error({ component: 'node-cron', err: err ?? message }, 'node-cron error'),
    debug: (message) => logger.trace({ component: 'node-cron' }, String(message)),
  };
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  let inFlight: Promise<void> | undefined;
  let lastTickAt: Date | undefined;

  const tick = async (now: Date): Promise<void> => {
    await runTick(deps, now);
    lastTickAt = now;
  };

  const catchUpAndTick = async (): Promise<void> => {
    const now = deps.clock.now();
    let after = lastTickAt;
    for (let i = 0; after && i < MAX_CATCH_UP_TICKS; i++) {
      // Reminders and fresh starts only from a day back: a stale nudge helps no one.
      const fresh = new Date(Math.max(after.getTime(), now.getTime() - DM_CATCH_UP_MS));
      const due = [
        await nextRecapDueBetween(deps.db, after, now),
        await nextPromptDueBetween(deps.db, after, now),
        await nextPlanReminderDueBetween(deps.db, fresh, now),
        await nextFreshStartDueBetween(deps.db, fresh, now),
      ].reduce(earliest, undefined);
      if (!due || due.getTime() >= now.getTime()) break;
      await tick(due);
      after = due;
    }
    await tick(now);
  };

  /** Runs `work` unless a tick is in flight; `queue` waits for that tick and then runs. */
  const exclusive = (work: () => Promise<void>, queue: boolean): Promise<void> => {
    if (inFlight && !queue) return inFlight;
    const run = (inFlight ?? Promise.resolve()).catch(() => undefined).then(work).finally(() => {
      if (inFlight === run) inFlight = undefined;
    });
    inFlight = run;
    return run;
  };

  const task = cron.createTask('* * * * *', () => exclusive(() => tick(deps.clock.now()), false), {
    name: 'small-wins-tick',
    timezone: 'UTC',
    noOverlap: true,
    logger: quietCronLogger(deps.logger),
  });

  return {
    start() {
      // Running from now on: a later clock jump catches up on recaps due after this moment, not before.
      lastTickAt ??= deps.clock.now();
      void task.start();
    },
    async stop() {
      await task.stop();
      await task.destroy();
      while (inFlight) await inFlight.catch(() => undefined);
    },
    tickNow: () => exclusive(catchUpAndTick, true),
    busy: () => inFlight !== undefined,
  };
}
