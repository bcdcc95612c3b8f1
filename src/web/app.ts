import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { html } from 'hono/html';
import type { WebDeps } from './deps.js';
import { DiscordOAuth, REDIRECT_PATH, ROLE_LINK_SCOPES } from './discord-oauth.js';
import { isConsistencyRoleOffered, linkConsistencyRole } from '../features/consistency.js';
import { sealKeyFrom } from '../features/token-seal.js';
import { page } from './layout.js';
import { memberRoutes } from './member-routes.js';
import { csrfMatches, endSession, loadSession, rememberLogin, startSession, takeLogin, type WebEnv } from './session.js';
import { limitPosts, limitSignIns } from './rate-limits.js';
import { homePage, messagePage } from './views/home.js';

/** The web view (SPEC §10) as a hono app: sign-in with Discord, a member's pages, an admin's page. */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const discord = new DiscordOAuth(deps);
  const origin = new URL(deps.web.publicUrl).origin;

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('cache-control', 'no-store');
    // Behind https, browsers are told never to try plain http (where a session cookie could be read).
    if (origin.startsWith('https:')) c.header('strict-transport-security', 'max-age=31536000');
  });
  // The largest real form is a 500-character win; anything far bigger is refused before it is read.
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text('That form is too large.', 413) }));
  // Cross-site form posts are refused by their Origin first, then by the session's CSRF token.
  app.use('*', csrf({ origin }));
  app.use('*', loadSession(deps));
  app.use('/auth/login', limitSignIns(deps.limits));
  app.use(REDIRECT_PATH, limitSignIns(deps.limits));
  app.use('/auth/link-role', limitSignIns(deps.limits));
  app.post('*', limitPosts(deps.limits, (path) => path === '/auth/logout'));
  app.post('*', async (c, next) => {
    // Signing out needs no token: the Origin check above already refused other sites, and an expired page must still sign out.
    if (c.req.path === '/auth/logout') return next();
    const session = c.get('session');
    const body = await c.req.parseBody();
    if (!session || !csrfMatches(session, body._csrf)) {
      return c.html(messagePage(session, 'That form has expired', 'Please go back, reload the page and try again. (Your session may have ended: sign in again if asked.)'), 403);
    }
    await next();
  });

  app.get('/', async (c) => c.html(homePage(c.get('session'), c.req.query('signed-out') !== undefined)));

  app.get('/auth/login', async (c) => {
    const login = await discord.start();
    await rememberLogin(c, deps, login);
    return c.redirect(login.url, 302);
  });

  // Linking the consistency role (SPEC §13): a second, narrower grant, only for a signed-in member of a server that offers it.
  app.get('/auth/link-role', async (c) => {
    const session = c.get('session');
    const guildId = c.req.query('guild') ?? '';
    if (!session || !session.guilds.some((g) => g.id === guildId) || !(await isConsistencyRoleOffered(deps, guildId))) {
      return c.html(messagePage(session, 'Nothing to link here', 'This server does not offer the consistency role. Nothing changed.'), 400);
    }
    const login = await discord.start(ROLE_LINK_SCOPES);
    await rememberLogin(c, deps, { ...login, linkRole: guildId });
    return c.redirect(login.url, 302);
  });

  app.get(REDIRECT_PATH, async (c) => {
    const expected = await takeLogin(c, deps);
    if (!expected || c.req.query('error')) {
      return c.html(messagePage(undefined, 'Sign-in did not finish', 'No harm done. You can try again whenever you like.', true), 400);
    }
    if (expected.linkRole) return finishRoleLink(c, expected, expected.linkRole);
    let identity;
    let guilds;
    try {
      identity = await discord.finish(new URL(c.req.url), expected);
      const theirs = await discord.guilds(identity.accessToken);
      const shared = await Promise.all(theirs.map((g) => deps.bot.inGuild(g.id)));
      guilds = theirs.filter((_, i) => shared[i]);
    } catch (error) {
      // Only the error's name: messages from OAuth libraries can quote response bodies.
      deps.logger.warn({ err: { name: (error as Error).name } }, 'web sign-in refused');
      return c.html(messagePage(undefined, 'Sign-in did not finish', 'Discord did not confirm who you are. Please try again.', true), 400);
    }
    await startSession(c, deps, identity, guilds);
    deps.logger.info({ user: identity.userId, guilds: guilds.length }, 'web sign-in');
    return c.redirect('/', 303);
  });

  async function finishRoleLink(c: Context<WebEnv>, expected: { state: string; verifier: string }, guildId: string) {
    const session = c.get('session');
    let identity;
    try {
      identity = await discord.finish(new URL(c.req.url), expected);
    } catch (error) {
      deps.logger.warn({ err: { name: (error as Error).name } }, 'web role link refused');
      return c.html(messagePage(session, 'Linking did not finish', 'Discord did not confirm it. No harm done: try again whenever you like.'), 400);
    }
    if (!session || identity.userId !== session.userId) {
      return c.html(messagePage(session, 'Linking did not finish', 'That was a different Discord account from the one signed in here. Nothing was linked.'), 400);
    }
    const sealKey = sealKeyFrom(deps.web.sessionSecret);
    const linked = await linkConsistencyRole({ ...deps, sealKey }, { guildId, userId: session.userId }, identity, deps.bot.roleConnections.push);
    deps.logger.info({ user: session.userId, guild: guildId, pushed: linked.pushed }, 'web: consistency role linked');
    return c.redirect(`/g/${guildId}?linked`, 303);
  }

  app.post('/auth/logout', async (c) => {
    const token = await endSession(c, deps);
    if (token) await discord.revoke(token);
    return c.redirect('/?signed-out', 303);
  });

  app.route('/g', memberRoutes(deps, discord));

  app.notFound((c) => c.html(messagePage(c.get('session'), 'Nothing here', "This page doesn't exist, or it isn't yours to see."), 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) {
      return c.html(messagePage(c.get('session'), 'That form came from somewhere else', 'For your safety I only accept forms sent from these pages. Please go back and try again here.'), 403);
    }
    const reference = randomBytes(4).toString('hex');
    deps.logger.error({ err: error, reference, path: c.req.path }, 'web view error');
    return c.html(
      page({ title: 'Sorry', session: c.get('session'), body: html`<h1>Sorry, something went wrong</h1><p>It wasn't you. Please try again in a minute. If it keeps happening, mention reference <code>${reference}</code>.</p>` }),
      500,
    );
  });
  return app;
}

/** A Node `(req, res)` handler for the bot's HTTP server. */
export function createWebHandler(deps: WebDeps): RequestListener {
  const listener = getRequestListener(createWebApp(deps).fetch);
  // hono answers errors itself; Node's server only needs a listener that returns nothing.
  return (request, response) => void listener(request, response);
}
