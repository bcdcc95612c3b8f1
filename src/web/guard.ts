import type { MiddlewareHandler } from 'hono';
import type { MemberKey } from '../db/members.js';
import type { WebSession } from '../db/schema.js';
import type { WebDeps } from './deps.js';
import type { SharedGuild } from './layout.js';
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
    const guild = session.guilds.find((g) => g.id === guildId);
    if (!guild || !deps.bot.inGuild(guild.id)) {
      return c.html(messagePage(session, 'Nothing here', "This page doesn't exist, or it isn't yours to see."), 404);
    }
    c.set('member', { session, guild, key: { guildId: guild.id, userId: session.userId } });
    await next();
  };
}

/** A positive integer id from the path, or undefined. */
export function idParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}
