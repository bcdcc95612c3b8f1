import { Hono, type Context } from 'hono';
import { setConsistencyRoleOffered } from '../features/consistency.js';
import { recapPreview } from '../features/recap.js';
import { changeCheckinSettings, changeRecapSettings, serverSettingsOf } from '../features/server-settings.js';
import { localDateTimeOf } from '../domain/time.js';
import { weekdayName } from '../domain/weekly-settings.js';
import { checkinFormInput, plain, recapFormInput, webQuoting } from './admin-input.js';
import type { WebDeps } from './deps.js';
import type { DiscordOAuth } from './discord-oauth.js';
import { manageGuard, type GuildEnv } from './guard.js';
import { page } from './layout.js';
import { serverTranslator } from './language.js';
import { adminBody } from './views/admin.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function localWhen(instant: Date, timezone: string): string {
  const t = localDateTimeOf(timezone, instant);
  return `${weekdayName(t.weekday)} ${t.year}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)} (${timezone})`;
}

const NOTICES: Record<string, string> = {
  recap: 'Saved. The weekly recap follows the new settings.',
  checkins: 'Saved. Check-in settings are updated.',
  'consistency-role': 'Saved. The consistency role setting is updated.',
};

/** The server's recap and check-in settings, for members with Manage Server (checked again with Discord before showing and changing). */
export function adminRoutes(deps: WebDeps, discord: DiscordOAuth): Hono<GuildEnv> {
  const { db, clock } = deps;
  const r = new Hono<GuildEnv>();
  // Manage Server as Discord says it now, before showing as well as before changing (`/admin/*` covers `/admin`).
  r.use('/:guildId/admin/*', manageGuard(deps, discord));

  const show = async (c: Context<GuildEnv>, problem?: string) => {
    const { session, guild } = c.get('member');
    const now = clock.now();
    const settings = await serverSettingsOf(deps, guild.id);
    const preview = await recapPreview({ db }, guild.id, now);
    const channels = await deps.bot.textChannels(guild.id);
    const nameOf = (userId: string): string => deps.bot.memberName(guild.id, userId) ?? 'a member';
    const nextRecap = settings.recapChannelId && settings.nextRecapAt && !settings.recapProblem ? localWhen(settings.nextRecapAt, settings.timezone) : undefined;
    const body = adminBody({ base: `/g/${guild.id}`, session, settings, channels, nextRecap, preview, nameOf, problem, applicationId: deps.clientId, tr: await serverTranslator(db, guild.id) });
    const notice = NOTICES[c.req.query('done') ?? ''];
    return c.html(page({ title: 'Server settings', session, guild, active: '/admin', notice, body }), problem ? 400 : 200);
  };

  r.get('/:guildId/admin', (c) => show(c));

  r.post('/:guildId/admin/recap', async (c) => {
    const { guild } = c.get('member');
    const input = recapFormInput(await c.req.parseBody());
    // The form lists the channels the bot can post in; the saved one must still be among them.
    const channelId = input.channelId ?? (await serverSettingsOf(deps, guild.id)).recapChannelId;
    if (channelId && !(await deps.bot.textChannels(guild.id)).some((ch) => ch.id === channelId)) return show(c, "I can't post in that channel. Pick one from the list.");
    const change = await changeRecapSettings(deps, guild.id, input, webQuoting);
    if (!change.ok) return show(c, plain(change.problem.message));
    deps.logger.info({ guild: guild.id, user: c.get('member').session.userId }, 'web: recap settings changed');
    return c.redirect(`/g/${guild.id}/admin?done=recap`, 303);
  });

  r.post('/:guildId/admin/checkins', async (c) => {
    const { guild } = c.get('member');
    const change = await changeCheckinSettings(deps, guild.id, checkinFormInput(await c.req.parseBody()), webQuoting);
    if (!change.ok) return show(c, plain(change.problem.message));
    return c.redirect(`/g/${guild.id}/admin?done=checkins`, 303);
  });
  r.post('/:guildId/admin/consistency-role', async (c) => {
    const { guild } = c.get('member');
    const on = (await c.req.parseBody()).enabled === 'on';
    try {
      await setConsistencyRoleOffered(deps, guild.id, on, deps.bot.roleConnections.registerMetadata);
    } catch (error) {
      deps.logger.warn({ err: { name: (error as Error).name }, guild: guild.id }, 'web: role connection metadata refused');
      return show(c, "Discord didn't accept the role's setup just now, so nothing changed. Please try again in a minute.");
    }
    deps.logger.info({ guild: guild.id, user: c.get('member').session.userId, on }, 'web: consistency role changed');
    return c.redirect(`/g/${guild.id}/admin?done=consistency-role`, 303);
  });
  return r;
}
