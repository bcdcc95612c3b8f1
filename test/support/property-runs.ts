/**
 * How many samples a property test tries: a quarter of `full` in `npm test`, which a contributor runs after
 * every change, and all of them in `npm run test:soak` (its config sets PROPERTY_RUNS=full; CI runs both).
 * The samples are unseeded, so each run of either suite tries new ones.
 */
export function propertyRuns(full: number, least = 20): { numRuns: number } {
  return { numRuns: process.env.PROPERTY_RUNS === 'full' ? full : Math.max(least, Math.ceil(full / 4)) };
}
