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
import { openableServer, withoutRemovedServers } from '../features/server-presence.js';
import { sealKeyFrom } from '../features/token-seal.js';
import { page } from './layout.js';
import { memberRoutes } from './member-routes.js';
import { csrfMatches, endSession, loadSession, rememberLogin, startSession, takeLogin, type WebEnv } from './session.js';
import { browserTranslator, visitorTranslator } from './language.js';
import { limitPosts, limitSignIns } from './rate-limits.js';
import { code, rich } from './say.js';
import { homePage, messagePage } from './views/home.js';

/** The web view (SPEC §10) as a hono app: sign-in with Discord, a member's pages, an admin's page. */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const discord = new DiscordOAuth(deps);
  const origin = new URL(deps.web.publicUrl).origin;
  const speak = (c: Context<WebEnv>) => visitorTranslator(deps.db, c.get('session'), c);
  /** A page that says one thing, `web.<name>.title` and `web.<name>.text`, in the visitor's language. */
  const say = async (c: Context<WebEnv>, name: string, options: { signedOut?: boolean; text?: string } = {}) => {
    const session = options.signedOut ? undefined : c.get('session');
    const tr = await speak(c);
    return messagePage(tr, session, tr.t(`web.${name}.title`), tr.t(options.text ?? `web.${name}.text`), options.signedOut);
  };

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
  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text(browserTranslator(c).t('web.tooLarge'), 413) }));
  // Cross-site form posts are refused by their Origin first, then by the session's CSRF token.
  app.use('*', csrf({ origin }));
  app.use('*', loadSession(deps));
  app.use('/auth/login', limitSignIns(deps.limits, speak));
  app.use(REDIRECT_PATH, limitSignIns(deps.limits, speak));
  app.use('/auth/link-role', limitSignIns(deps.limits, speak));
  app.post('*', limitPosts(deps.limits, (path) => path === '/auth/logout', speak));
  app.post('*', async (c, next) => {
    // Signing out needs no token: the Origin check above already refused other sites, and an expired page must still sign out.
    if (c.req.path === '/auth/logout') return next();
    const session = c.get('session');
    const body = await c.req.parseBody();
    if (!session || !csrfMatches(session, body._csrf)) {
      return c.html(await say(c, 'expired'), 403);
    }
    await next();
  });

  app.get('/', async (c) => {
    const session = c.get('session');
    const servers = session ? await withoutRemovedServers(deps, session.guilds) : [];
    return c.html(homePage(await speak(c), session, c.req.query('signed-out') !== undefined, servers));
  });

  app.get('/auth/login', async (c) => {
    const login = await discord.start();
    await rememberLogin(c, deps, login);
    return c.redirect(login.url, 302);
  });

  // Linking the consistency role (SPEC §13): a second, narrower grant, only for a signed-in member of a server that offers it.
  app.get('/auth/link-role', async (c) => {
    const session = c.get('session');
    const guildId = c.req.query('guild') ?? '';
    if (!session || !(await openableServer(deps, session.guilds, guildId)) || !(await isConsistencyRoleOffered(deps, guildId))) {
      return c.html(await say(c, 'linkNothing'), 400);
    }
    const login = await discord.start(ROLE_LINK_SCOPES);
    await rememberLogin(c, deps, { ...login, linkRole: guildId });
    return c.redirect(login.url, 302);
  });

  app.get(REDIRECT_PATH, async (c) => {
    const expected = await takeLogin(c, deps);
    if (!expected || c.req.query('error')) {
      return c.html(await say(c, 'signIn', { signedOut: true, text: 'web.signIn.text.again' }), 400);
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
      return c.html(await say(c, 'signIn', { signedOut: true, text: 'web.signIn.text.refused' }), 400);
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
      return c.html(await say(c, 'link', { text: 'web.link.text.refused' }), 400);
    }
    if (!session || identity.userId !== session.userId) {
      return c.html(await say(c, 'link', { text: 'web.link.text.otherAccount' }), 400);
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

  app.notFound(async (c) => c.html(await say(c, 'notFound'), 404));
  app.onError(async (error, c) => {
    if (error instanceof HTTPException && error.status === 403) return c.html(await say(c, 'foreignForm'), 403);
    const reference = randomBytes(4).toString('hex');
    deps.logger.error({ err: error, reference, path: c.req.path }, 'web view error');
    // The visitor's language is looked up without failing: a database that cannot answer leaves the browser's.
    const tr = await speak(c);
    return c.html(
      page({ tr, title: tr.t('web.error.title'), session: c.get('session'), body: html`<h1>${tr.t('web.error.heading')}</h1><p>${rich(tr, 'web.error.text', {}, { reference: code(reference) })}</p>` }),
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
