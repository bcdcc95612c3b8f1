import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { MemoryStore, rateLimiter, type Store } from 'hono-rate-limiter';
import type { WebSession } from '../db/schema.js';
import type { Translator } from '../i18n/index.js';
import { messagePage } from './views/home.js';

type LimitEnv = { Variables: { session: WebSession | undefined } };
/** The visitor's language, for the page that asks them to slow down. */
type Speak = (c: Context<LimitEnv>) => Promise<Translator>;

/** One bound: at most `limit` requests per `windowMs`, counted in `store`. */
export interface WebLimitRule {
  limit: number;
  windowMs: number;
  store: Store<LimitEnv>;
}

/** What one visitor (address) and one signed-in member may do in the web view (SPEC §7). */
export interface WebLimits {
  /** `GET /auth/login` and the OAuth callback, per address. */
  signInsPerVisitor: WebLimitRule;
  /** State-changing posts, per address. */
  postsPerVisitor: WebLimitRule;
  /** State-changing posts, per signed-in member (whichever address or session they use). */
  postsPerMember: WebLimitRule;
}

type RuleShape = Pick<WebLimitRule, 'limit' | 'windowMs'>;

export const DEFAULT_WEB_LIMITS: Record<keyof WebLimits, RuleShape> = {
  signInsPerVisitor: { limit: 40, windowMs: 10 * 60_000 },
  postsPerVisitor: { limit: 60, windowMs: 60_000 },
  postsPerMember: { limit: 20, windowMs: 60_000 },
};

/**
 * Counters in this process's memory. With several web processes each keeps its own window, so a
 * visitor gets at most N times a bound: still bounded, and the bounds are generous enough for that.
 * A shared store (hono-rate-limiter's Redis or a PostgreSQL one) fits the same `store` slot.
 */
export function memoryWebLimits(shapes: Partial<Record<keyof WebLimits, RuleShape>> = {}): WebLimits {
  const rule = (name: keyof WebLimits): WebLimitRule => ({ ...DEFAULT_WEB_LIMITS[name], ...shapes[name], store: new MemoryStore<LimitEnv>() });
  return { signInsPerVisitor: rule('signInsPerVisitor'), postsPerVisitor: rule('postsPerVisitor'), postsPerMember: rule('postsPerMember') };
}

/** The socket's address. Forwarded-for headers are not trusted: anyone can send them. */
function visitor(c: Context<LimitEnv>): string {
  // @hono/node-server passes Node's request as the app's env.
  const env: unknown = c.env;
  const incoming = typeof env === 'object' && env !== null && 'incoming' in env ? (env.incoming as IncomingMessage) : undefined;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

const slowDown = (speak: Speak) => async (c: Context<LimitEnv>) => {
  const tr = await speak(c);
  return c.html(messagePage(tr, c.get('session'), tr.t('web.slowDown.title'), tr.t('web.slowDown.text')), 429);
};

function bound(rule: WebLimitRule, speak: Speak, key: (c: Context<LimitEnv>) => string | undefined): MiddlewareHandler<LimitEnv> {
  return rateLimiter<LimitEnv>({
    limit: rule.limit,
    windowMs: rule.windowMs,
    store: rule.store,
    standardHeaders: 'draft-6',
    skip: (c) => key(c) === undefined,
    keyGenerator: (c) => key(c) ?? '',
    // hono-rate-limiter returns the handler's response (its type says void).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    handler: slowDown(speak),
  });
}

/** For `GET /auth/login` and the callback. */
export function limitSignIns(limits: WebLimits, speak: Speak): MiddlewareHandler<LimitEnv> {
  return bound(limits.signInsPerVisitor, speak, visitor);
}

/** For every POST but sign-out (a limited member can always leave); per address, then per member. */
export function limitPosts(limits: WebLimits, exempt: (path: string) => boolean, speak: Speak): MiddlewareHandler {
  return every(
    bound(limits.postsPerVisitor, speak, (c) => (exempt(c.req.path) ? undefined : visitor(c))),
    bound(limits.postsPerMember, speak, (c) => (exempt(c.req.path) ? undefined : c.get('session')?.userId)),
  );
}
