/** What a signal does to a running bot: the steps each part registered, newest first. */
export interface Shutdown {
  /** True once SIGTERM or SIGINT has arrived. */
  readonly stopping: boolean;
  /**
   * Registers a step to run on a signal (steps run newest first, one at a time, so the database
   * closes last). Returns the same step, made safe to call twice, for normal clean-up paths.
   */
  onStop(name: string, step: () => Promise<void>): () => Promise<void>;
  /** Where "shutting down" is reported once a logger exists (stderr JSON before that). */
  useLog(log: (message: string, fields: Record<string, unknown>) => void): void;
}

export interface ShutdownOptions {
  /** Past this the process exits with 1 rather than be killed (`docker stop` waits 10 s). */
  graceMs?: number;
  exit?: (code: number) => void;
}

/** True once `work` settles, false if `ms` pass first (`work` then keeps running): a bounded wait. */
export async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}

function once(step: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= step());
}

/** Installs the SIGTERM/SIGINT handlers at once, before anything slow starts. */
export function installShutdown(options: ShutdownOptions = {}): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const steps: { name: string; run: () => Promise<void> }[] = [];
  let log = (message: string, fields: Record<string, unknown>): void => void process.stderr.write(`${JSON.stringify({ ...fields, msg: message })}\n`);
  let stopping = false;

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('shutting down', { signal, steps: steps.map((s) => s.name).reverse() });
    const force = setTimeout(() => {
      log('shutdown took too long; exiting anyway', { signal });
      exit(1);
    }, options.graceMs ?? 9_000);
    force.unref();
    for (const step of [...steps].reverse()) {
      try {
        await step.run();
      } catch (error) {
        log('shutdown step failed', { step: step.name, error: error instanceof Error ? error.name : String(error) });
      }
    }
    clearTimeout(force);
    log('stopped', { signal });
    exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  return {
    get stopping() {
      return stopping;
    },
    onStop(name, step) {
      const run = once(step);
      steps.push({ name, run });
      return run;
    },
    useLog(next) {
      log = next;
    },
  };
}
