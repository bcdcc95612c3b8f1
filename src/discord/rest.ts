import { REST } from '@discordjs/rest';
import { REST_POLICY } from '../domain/retry-policy.js';

/** The REST client every Discord call goes through (answers, posts, DMs): one per process. */
export function createRest(apiUrl: string, token: string): REST {
  return new REST({
    api: apiUrl,
    timeout: REST_POLICY.timeoutMs,
    retries: REST_POLICY.retries,
    // A long rate limit fails the request instead of holding a claimed job past its lease.
    rejectOnRateLimit: (limit) => limit.retryAfter > REST_POLICY.maxRateLimitWaitMs,
  }).setToken(token);
}
