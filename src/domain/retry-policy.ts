/**
 * One retry policy for everything sent to Discord (SPEC §7). discord.js retries a
 * request quickly on a timeout, a reset connection or a 5xx; nothing retries inside a job's tick on top
 * of that; a claimed piece of work that still fails stays claimed and is tried again once its lease
 * runs out. The lease outlives the worst case of one attempt, so no other process can take over work
 * still in flight.
 */
export const REST_POLICY = {
  /** Per HTTP request, upload included (25 MiB in 10 s needs about 20 Mbit/s up); discord.js aborts it then. */
  timeoutMs: 10_000,
  /** discord.js's own quick retries of one request (after a timeout, a reset or a 5xx). */
  retries: 1,
  /** A rate limit longer than this is not waited out: the request fails as transient and is retried later. */
  maxRateLimitWaitMs: 5_000,
} as const;

/** The longest one REST call can take: every try may wait out one rate limit and then time out. */
export function restCallWorstCaseMs(policy: { timeoutMs: number; retries: number; maxRateLimitWaitMs: number } = REST_POLICY): number {
  return (policy.retries + 1) * (policy.timeoutMs + policy.maxRateLimitWaitMs);
}

/** The REST calls one claimed attempt makes at most. */
export const ATTEMPT_REST_CALLS = {
  /** users/@me (once per process), the channel's recent messages (on a retake), the post. */
  recap: 3,
  /** Open the DM channel, send. */
  memberDm: 2,
} as const;

/**
 * The worst case of one attempt: its REST calls, plus two statement timeouts for the database (a
 * statement that times out ends the attempt; the others take milliseconds).
 */
export function attemptWorstCaseMs(restCalls: number, statementTimeoutMs: number, policy = REST_POLICY): number {
  return restCalls * restCallWorstCaseMs(policy) + 2 * statementTimeoutMs;
}
