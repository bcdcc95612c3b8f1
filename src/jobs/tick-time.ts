// Below this, the tick's own instant is still a true enough stamp (and tests keep exact instants).
const DRIFT_MS = 5_000;

/**
 * The tick's instant moved on by the real time spent since the tick began, once that matters: claims
 * and leases stamped with it stay true while one tick works through many items (the injected clock
 * does not move meanwhile).
 */
export function tickTime(now: Date): () => Date {
  const started = performance.now();
  return () => {
    const elapsed = performance.now() - started;
    return elapsed < DRIFT_MS ? now : new Date(now.getTime() + Math.round(elapsed));
  };
}
