/**
 * A claim (recap run or member DM) unfinished for longer than this is taken to be abandoned, and may be
 * claimed again. It outlives the worst case of one attempt (src/domain/retry-policy.ts; a test checks it),
 * and stays within Discord's few minutes of nonce memory, so a retake's post is still deduplicated.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** Claims of one piece of work before it is given up as failed: one retry policy for recaps and DMs. */
export const CLAIM_MAX_ATTEMPTS = 4;

/** The instant before which a claim made is past its lease. */
export const leaseExpiredBefore = (now: Date, leaseMs = CLAIM_LEASE_MS): Date => new Date(now.getTime() - leaseMs);
