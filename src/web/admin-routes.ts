import { Hono, type Context } from 'hono';
import { setConsistencyRoleOffered } from '../features/consistency.js';
import { recapPreview } from '../features/recap.js';
import { changeCheckinSettings, changeRecapSettings, serverSettingsOf } from '../features/server-settings.js';
import type { BotDirectory } from '../bot-directory.js';
import type { RecapContent } from '../domain/recap/types.js';
import type { RecapSettingsProblem } from '../domain/recap-settings-input.js';
import { localDateTimeOf } from '../domain/time.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import { checkinFormInput, recapFormInput, webQuoting } from './admin-input.js';
import type { WebDeps } from './deps.js';
import type { DiscordOAuth } from './discord-oauth.js';
import { manageGuard, type GuildEnv } from './guard.js';
import { page } from './layout.js';
import { memberTranslator, serverTranslator } from './language.js';
import { adminBody } from './views/admin.js';

const pad = (n: number): string => String(n).padStart(2, '0');

function localWhen(tr: Translator, instant: Date, timezone: string): string {
  const t = localDateTimeOf(timezone, instant);
  return tr.t('web.admin.when', { date: tr.weekdayDate(t), time: `${pad(t.hour)}:${pad(t.minute)}`, timezone });
}

const NOTICES: Record<string, MessageKey> = {
  recap: 'web.admin.notice.recap',
  checkins: 'web.admin.notice.checkins',
  'consistency-role': 'web.admin.notice.role',
};

/** What was wrong with the form, in the admin's language (the typed value as typed, never markup). */
function problemWords(tr: Translator, problem: RecapSettingsProblem, typed: { time: string | null; timezone: string | null }): string {
  switch (problem.code) {
    case 'config-channel':
      return tr.t('web.admin.problem.channel');
    case 'config-time':
      return tr.t('web.admin.problem.time', { typed: String(typed.time).slice(0, 20) });
    case 'config-timezone':
      return tr.t('web.admin.problem.timezone', { typed: String(typed.timezone).slice(0, 64) });
    case 'config-day':
      return tr.t('web.admin.problem.day');
  }
}

/** Names asked of the bot at most per preview: beyond them, "a member" (a page must not wait on hundreds of lookups). */
const PREVIEW_NAMES_ASKED = 50;

/** The display names of the members the preview names (highlights, the archive win, partners), asked together. */
async function previewNames(bot: BotDirectory, guildId: string, preview: RecapContent): Promise<Map<string, string>> {
  const ids = new Set([...preview.highlights.map((win) => win.userId), ...(preview.archive ? [preview.archive.userId] : []), ...preview.partnerGroups.flat()]);
  const asked = [...ids].slice(0, PREVIEW_NAMES_ASKED);
  const names = await Promise.all(asked.map((userId) => bot.memberName(guildId, userId)));
  return new Map(asked.flatMap((userId, i) => (names[i] === undefined ? [] : [[userId, names[i]] as [string, string]])));
}

/** The server's recap and check-in settings, for members with Manage Server (checked again with Discord before showing and changing). */
export function adminRoutes(deps: WebDeps, discord: DiscordOAuth): Hono<GuildEnv> {
  const { db, clock } = deps;
  const r = new Hono<GuildEnv>();
  // Manage Server as Discord says it now, before showing as well as before changing (`/admin/*` covers `/admin`).
  r.use('/:guildId/admin/*', manageGuard(deps, discord));

  const show = async (c: Context<GuildEnv>, problem?: (tr: Translator) => string) => {
    const { session, guild, key } = c.get('member');
    const tr = await memberTranslator(db, key, c);
    const recapTr = await serverTranslator(db, guild.id);
    const now = clock.now();
    const settings = await serverSettingsOf(deps, guild.id);
    const preview = await recapPreview({ db }, guild.id, now);
    const channels = await deps.bot.textChannels(guild.id);
    // The preview speaks the recap's language, names included. Asked together, before drawing: a worker asks Discord.
    const names = await previewNames(deps.bot, guild.id, preview);
    const nameOf = (userId: string): string => names.get(userId) ?? recapTr.t('web.preview.someone');
    const nextRecap = settings.recapChannelId && settings.nextRecapAt && !settings.recapProblem ? localWhen(tr, settings.nextRecapAt, settings.timezone) : undefined;
    const body = adminBody({ base: `/g/${guild.id}`, session, settings, channels, nextRecap, preview, nameOf, problem: problem?.(tr), applicationId: deps.clientId, tr, recapTr });
    const notice = NOTICES[c.req.query('done') ?? ''];
    return c.html(page({ tr, title: tr.t('web.tab.admin'), session, guild, active: '/admin', notice: notice && tr.t(notice), body }), problem ? 400 : 200);
  };

  r.get('/:guildId/admin', (c) => show(c));

  r.post('/:guildId/admin/recap', async (c) => {
    const { guild } = c.get('member');
    const input = recapFormInput(await c.req.parseBody());
    // The form lists the channels the bot can post in; the saved one must still be among them.
    const channelId = input.channelId ?? (await serverSettingsOf(deps, guild.id)).recapChannelId;
    if (channelId && !(await deps.bot.textChannels(guild.id)).some((ch) => ch.id === channelId)) return show(c, (tr) => tr.t('web.admin.problem.cannotPost'));
    const change = await changeRecapSettings(deps, guild.id, input, webQuoting);
    if (!change.ok) {
      const { problem } = change;
      return show(c, (tr) => problemWords(tr, problem, input));
    }
    deps.logger.info({ guild: guild.id, user: c.get('member').session.userId }, 'web: recap settings changed');
    return c.redirect(`/g/${guild.id}/admin?done=recap`, 303);
  });

  r.post('/:guildId/admin/checkins', async (c) => {
    const { guild } = c.get('member');
    const change = await changeCheckinSettings(deps, guild.id, checkinFormInput(await c.req.parseBody()), webQuoting);
    if (!change.ok) {
      const { problem } = change;
      return show(c, (tr) => problemWords(tr, problem, { time: null, timezone: null }));
    }
    return c.redirect(`/g/${guild.id}/admin?done=checkins`, 303);
  });
  r.post('/:guildId/admin/consistency-role', async (c) => {
    const { guild } = c.get('member');
    const on = (await c.req.parseBody()).enabled === 'on';
    try {
      await setConsistencyRoleOffered(deps, guild.id, on, deps.bot.roleConnections.registerMetadata);
    } catch (error) {
      deps.logger.warn({ err: { name: (error as Error).name }, guild: guild.id }, 'web: role connection metadata refused');
      return show(c, (tr) => tr.t('web.admin.problem.roleRefused'));
    }
    deps.logger.info({ guild: guild.id, user: c.get('member').session.userId, on }, 'web: consistency role changed');
    return c.redirect(`/g/${guild.id}/admin?done=consistency-role`, 303);
  });
  return r;
}
