import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie } from 'hono/cookie';
import type { MemberKey } from '../db/members.js';
import type { WebSession } from '../db/schema.js';
import { deleteWebSession } from '../db/web-sessions.js';
import { openableServer } from '../features/server-presence.js';
import type { WebDeps } from './deps.js';
import { DiscordRefused, type DiscordGuild, type DiscordOAuth } from './discord-oauth.js';
import type { SharedGuild } from './layout.js';
import { memberTranslator, visitorTranslator } from './language.js';
import { SESSION_COOKIE } from './session.js';
import { messagePage } from './views/home.js';

export type GuildEnv = { Variables: { session: WebSession | undefined; member: { session: WebSession; guild: SharedGuild; key: MemberKey } } };

/**
 * Every server page: a live session, a server that session shares with the bot, and a key that is
 * always the signed-in member's own — never an id taken from the request.
 */
export function guildGuard(deps: WebDeps): MiddlewareHandler<GuildEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (!session) return c.redirect('/auth/login', 302);
    const guildId = c.req.param('guildId') ?? '';
    // A server that removed the bot answers as one it was never in, whatever this process's view of Discord still says.
    const guild = await openableServer(deps, session.guilds, guildId);
    if (!guild || !(await deps.bot.inGuild(guild.id))) {
      const tr = await visitorTranslator(deps.db, session, c);
      return c.html(messagePage(tr, session, tr.t('web.notFound.title'), tr.t('web.notFound.text')), 404);
    }
    c.set('member', { session, guild, key: { guildId: guild.id, userId: session.userId } });
    await next();
  };
}

/** A positive integer id from the path, or undefined. */
export function idParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Discord's list of a session's servers, kept `ttlMs` so a settings page does not ask on every view:
 * a member who loses Manage Server (or removes the app) loses the pages within that time. Built by
 * the caller and passed in; each web process has its own (a minute of staleness per process).
 */
export class ManageCache {
  readonly #entries = new Map<string, { at: number; guilds: DiscordGuild[] }>();
  constructor(
    readonly ttlMs = 60_000,
    readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string, now: Date): DiscordGuild[] | undefined {
    const entry = this.#entries.get(sessionId);
    if (entry && now.getTime() - entry.at < this.ttlMs && now.getTime() >= entry.at) return entry.guilds;
    this.#entries.delete(sessionId);
    return undefined;
  }

  set(sessionId: string, guilds: DiscordGuild[], now: Date): void {
    this.#entries.delete(sessionId);
    // Oldest first (a Map keeps insertion order), so a flood of sessions cannot grow it without end.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size < this.maxEntries) break;
      this.#entries.delete(key);
    }
    this.#entries.set(sessionId, { at: now.getTime(), guilds });
  }

  forget(sessionId: string): void {
    this.#entries.delete(sessionId);
  }
}

export type GuildsAnswer = { ok: true; guilds: DiscordGuild[] } | { ok: false; reason: 'signed-out' | 'busy' };

/** What Discord says about the member's servers: from the cache when `fresh` is false, else asked now. */
export async function guildsFromDiscord(deps: WebDeps, discord: DiscordOAuth, session: WebSession, fresh: boolean): Promise<GuildsAnswer> {
  const now = deps.clock.now();
  const cached = fresh ? undefined : deps.manageCache.get(session.id, now);
  if (cached) return { ok: true, guilds: cached };
  try {
    const guilds = await discord.guilds(session.accessToken);
    deps.manageCache.set(session.id, guilds, now);
    return { ok: true, guilds };
  } catch (error) {
    deps.manageCache.forget(session.id);
    // A refused token (revoked, or the app removed) means signing in again; anything else is Discord being unavailable.
    const status = error instanceof DiscordRefused ? error.status : undefined;
    deps.logger.warn({ err: { name: (error as Error).name }, status }, 'web: Discord did not list the member’s servers');
    return { ok: false, reason: status === 401 ? 'signed-out' : 'busy' };
  }
}

/** A page of the member's in one server that says one thing, `web.<name>.title` and `web.<name>.text`. */
async function say(deps: WebDeps, c: Context<GuildEnv>, name: string, signedOut = false) {
  const { key, session } = c.get('member');
  const tr = await memberTranslator(deps.db, key, c);
  return messagePage(tr, signedOut ? undefined : session, tr.t(`web.${name}.title`), tr.t(`web.${name}.text`), signedOut);
}

const refused = async (deps: WebDeps, c: Context<GuildEnv>) => c.html(await say(deps, c, 'managersOnly'), 403);

/**
 * A server's settings pages: Manage Server as Discord says it now (cached briefly for reading, asked
 * afresh before any change), and a Discord failure said as what it is, never as "only for managers".
 */
export function manageGuard(deps: WebDeps, discord: DiscordOAuth): MiddlewareHandler<GuildEnv> {
  return async (c, next) => {
    const { session, guild } = c.get('member');
    if (!guild.manage) return refused(deps, c);
    const answer = await guildsFromDiscord(deps, discord, session, c.req.method !== 'GET' && c.req.method !== 'HEAD');
    if (!answer.ok && answer.reason === 'signed-out') {
      // Discord no longer honours this sign-in: end it here too.
      await deleteWebSession(deps.db, session.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.html(await say(deps, c, 'signInAgain', true), 401);
    }
    if (!answer.ok) {
      c.header('retry-after', '30');
      return c.html(await say(deps, c, 'discordBusy'), 503);
    }
    if (!answer.guilds.some((g) => g.id === guild.id && g.manage)) return refused(deps, c);
    await next();
  };
}
