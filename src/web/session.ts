import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { createWebSession, deleteExpiredWebSessions, dropOldestWebSessions, findWebSession, takeWebSession } from '../db/web-sessions.js';
import type { WebSession } from '../db/schema.js';
import type { WebDeps } from './deps.js';
import type { SharedGuild } from './layout.js';

export const SESSION_COOKIE = 'sw_session';
export const LOGIN_COOKIE = 'sw_login';
/** A session lasts a week at most (and never longer than Discord's token). */
const SESSION_MAX_S = 7 * 24 * 3600;
const LOGIN_MAX_S = 10 * 60;
/** Signed in on a few devices at once is normal; forty sessions is a script. The oldest one ends. */
export const SESSIONS_PER_MEMBER = 5;

export type WebEnv = { Variables: { session: WebSession | undefined } };

export function cookieOptions(deps: WebDeps, maxAge: number) {
  return { httpOnly: true, sameSite: 'Lax' as const, secure: deps.web.publicUrl.startsWith('https://'), path: '/', maxAge };
}

/** Loads the session named by the signed cookie; a forged, expired or signed-out one counts as none. */
export function loadSession(deps: WebDeps): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    const id = await getSignedCookie(c, deps.web.sessionSecret, SESSION_COOKIE);
    c.set('session', typeof id === 'string' ? await findWebSession(deps.db, id, deps.clock.now()) : undefined);
    await next();
  };
}

export async function startSession(
  c: Context<WebEnv>,
  deps: WebDeps,
  who: { userId: string; username: string; accessToken: string; expiresIn: number },
  guilds: SharedGuild[],
): Promise<void> {
  const now = deps.clock.now();
  const lifetime = Math.min(SESSION_MAX_S, who.expiresIn);
  const id = randomUUID();
  await deleteExpiredWebSessions(deps.db, now);
  await createWebSession(deps.db, {
    id,
    userId: who.userId,
    username: who.username,
    guilds,
    accessToken: who.accessToken,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetime * 1000),
  });
  await dropOldestWebSessions(deps.db, who.userId, id, SESSIONS_PER_MEMBER);
  await setSignedCookie(c, SESSION_COOKIE, id, deps.web.sessionSecret, cookieOptions(deps, lifetime));
}

/**
 * Sign-out: whatever state the session is in (expired, already gone), the cookie is cleared and the
 * row named by its signed id is deleted. Returns the ended session's Discord token, to revoke.
 */
export async function endSession(c: Context<WebEnv>, deps: WebDeps): Promise<string | undefined> {
  const id = await getSignedCookie(c, deps.web.sessionSecret, SESSION_COOKIE);
  const ended = typeof id === 'string' ? await takeWebSession(deps.db, id) : undefined;
  if (ended) deps.manageCache.forget(ended.id);
  deleteCookie(c, SESSION_COOKIE, { ...cookieOptions(deps, 0) });
  return ended?.accessToken;
}

/** The OAuth2 `state` and PKCE verifier travel in a short-lived signed cookie between sign-in and callback. */
/** `linkRole`: the server a consistency-role link was started from (the same callback finishes both flows). */
export async function rememberLogin(c: Context<WebEnv>, deps: WebDeps, login: { state: string; verifier: string; linkRole?: string }): Promise<void> {
  await setSignedCookie(c, LOGIN_COOKIE, `${login.state}.${login.verifier}${login.linkRole ? `.${login.linkRole}` : ''}`, deps.web.sessionSecret, cookieOptions(deps, LOGIN_MAX_S));
}

export async function takeLogin(c: Context<WebEnv>, deps: WebDeps): Promise<{ state: string; verifier: string; linkRole?: string } | undefined> {
  const value = await getSignedCookie(c, deps.web.sessionSecret, LOGIN_COOKIE);
  deleteCookie(c, LOGIN_COOKIE, { path: '/' });
  if (typeof value !== 'string') return undefined;
  const [state, verifier, linkRole] = value.split('.');
  if (!state || !verifier) return undefined;
  return linkRole && /^\d{1,20}$/.test(linkRole) ? { state, verifier, linkRole } : { state, verifier };
}

/** The form's token matches the session's (the Origin check runs before this, in hono's csrf middleware). */
export function csrfMatches(session: WebSession, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(session.csrfToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
