import { describe, expect, it } from 'vitest';
import { CLAIM_LEASE_MS } from '../../src/db/leases.js';
import { defaultTimeouts } from '../../src/db/client.js';
import { createRest } from '../../src/discord/gateway.js';
import { ATTEMPT_REST_CALLS, attemptWorstCaseMs, REST_POLICY, restCallWorstCaseMs } from '../../src/domain/retry-policy.js';
import { NONCE_WINDOW_MS } from '../../src/sandbox/state.js';

// Issue 9, finding 10: retries stacked three deep let one post outlive its lease.
describe('one retry policy', () => {
  it('the bot’s REST client retries as the policy says, and refuses to wait out a long rate limit', async () => {
    const client = createRest('http://127.0.0.1:1/api', 'x');
    const rest = client.options;
    expect(rest).toMatchObject({ timeout: REST_POLICY.timeoutMs, retries: REST_POLICY.retries });
    const reject = rest.rejectOnRateLimit;
    expect(typeof reject).toBe('function');
    if (typeof reject !== 'function') return;
    const limit = (retryAfter: number) => ({ retryAfter, timeToReset: retryAfter, global: false, method: 'post', url: '', route: '', majorParameter: '', hash: '', limit: 5, sublimitTimeout: 0, scope: 'user' as const });
    expect(await reject(limit(REST_POLICY.maxRateLimitWaitMs + 1))).toBe(true);
    expect(await reject(limit(REST_POLICY.maxRateLimitWaitMs))).toBe(false);
    client.clearHashSweeper();
    client.clearHandlerSweeper();
  });

  it('a claim’s lease outlives the worst case of one attempt at a recap or a member DM', () => {
    expect(restCallWorstCaseMs()).toBe((REST_POLICY.retries + 1) * (REST_POLICY.timeoutMs + REST_POLICY.maxRateLimitWaitMs));
    for (const calls of Object.values(ATTEMPT_REST_CALLS)) expect(attemptWorstCaseMs(calls, defaultTimeouts.statementMs)).toBeLessThan(CLAIM_LEASE_MS);
  });

  it('a retake after the lease is still within Discord’s nonce memory, so its post is deduplicated', () => {
    expect(CLAIM_LEASE_MS).toBeLessThan(NONCE_WINDOW_MS);
  });
});
