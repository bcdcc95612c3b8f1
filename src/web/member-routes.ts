import { memberTranslator } from './language.js';
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { activeGoals } from '../db/goals.js';
import { readTimeZoneSetting } from '../domain/timezone-input.js';
import { sealKeyFrom } from '../features/token-seal.js';
import { deleteEverythingOf, exportFileName, exportOf } from '../features/privacy.js';
import { progressOf } from '../features/progress.js';
import { changeSettings, settingsOf, type SettingsChanged } from '../features/settings.js';
import { deleteWin, editWin, listWins, ownWin } from '../features/wins-list.js';
import { problemMessage } from '../discord/render/problems.js';
import { winCalendarSvg } from '../discord/render/win-calendar.js';
import { consistencyRoleOf } from '../features/consistency.js';
import { adminRoutes } from './admin-routes.js';
import type { WebDeps } from './deps.js';
import type { DiscordOAuth } from './discord-oauth.js';
import { guildGuard, idParam, type GuildEnv } from './guard.js';
import type { MessageKey, Translator } from '../i18n/index.js';
import { page, type Html } from './layout.js';
import { dataBody, deleteAllBody } from './views/data.js';
import { overviewBody } from './views/overview.js';
import { settingsBody } from './views/settings.js';
import { deleteWinBody, editWinBody, winsBody, type WinsQuery } from './views/wins.js';

export const WEB_WINS_PER_PAGE = 20;

// Notices come from this fixed list by key, so nothing a visitor puts in a URL is ever echoed as a message.
const NOTICES: Record<string, MessageKey> = {
  edited: 'web.notice.edited',
  deleted: 'web.notice.deleted',
  'deleted-celebration': 'web.notice.deletedCelebration',
  'deleted-celebration-stays': 'web.notice.deletedCelebrationStays',
  settings: 'web.notice.settings',
  'not-found': 'web.notice.notFound',
};

type C = Context<GuildEnv>;

function render(c: C, tr: Translator, title: string, active: string, body: Html, status: 200 | 400 | 404 = 200) {
  const { session, guild } = c.get('member');
  const notice = NOTICES[c.req.query('done') ?? ''];
  return c.html(page({ tr, title, session, guild, active, notice: notice && tr.t(notice), body }), status);
}

const baseOf = (c: C): string => `/g/${c.get('member').guild.id}`;

/** A win address that is not one of the member's wins: not found, never "already gone" (it may be another's). */
const notYourWin = (c: C, tr: Translator) =>
  render(c, tr, tr.t('web.winNotFound.title'), '/wins', html`<h1>${tr.t('web.winNotFound.title')}</h1><p role="status">${tr.t('web.winNotFound.text')} <a href="${baseOf(c)}/wins">${tr.t('web.wins.title')}</a></p>`, 404);

function winsQuery(c: C): WinsQuery {
  const show = c.req.query('show');
  const page = Number(c.req.query('page') ?? '1');
  return {
    search: (c.req.query('q') ?? '').trim().slice(0, 100),
    goalId: idParam(c.req.query('goal') || undefined),
    visibility: show === 'private' || show === 'public' ? show : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** A member's own pages in one server: overview, wins, settings, their data. */
export function memberRoutes(deps: WebDeps, discord: DiscordOAuth): Hono<GuildEnv> {
  const { db } = deps;
  const r = new Hono<GuildEnv>();
  const speak = (c: C) => memberTranslator(db, c.get('member').key, c);
  r.use('/:guildId/*', guildGuard(deps));
  r.use('/:guildId', guildGuard(deps));

  r.get('/:guildId', async (c) => {
    const { key, guild } = c.get('member');
    const progress = await progressOf(deps, key);
    const tr = await speak(c);
    const calendarSvg = winCalendarSvg({ days: progress.days, today: progress.today, paused: progress.pausedDays, ...(progress.repairedWeeks ? { repaired: progress.repairedWeeks } : {}) }, tr);
    const consistencyRole = await consistencyRoleOf(deps, key);
    return render(c, tr, guild.name, '', overviewBody({ guildName: guild.name, progress, calendarSvg, consistencyRole, guildId: guild.id }, tr));
  });

  r.get('/:guildId/wins', async (c) => {
    const { key, session } = c.get('member');
    const asked = winsQuery(c);
    const filter = { search: asked.search || undefined, goalId: asked.goalId, visibility: asked.visibility };
    const [goals, list] = await Promise.all([activeGoals(db, key), listWins(deps, key, { ...filter, period: 'all', page: asked.page, perPage: WEB_WINS_PER_PAGE })]);
    const query = { ...asked, page: list.page };
    const tr = await speak(c);
    return render(c, tr, tr.t('web.wins.title'), '/wins', winsBody({ base: baseOf(c), session, query, goals, wins: list.wins, total: list.total, pages: list.pages, timezone: list.timezone }, tr));
  });

  r.get('/:guildId/wins/:winId/edit', async (c) => {
    const { key, session } = c.get('member');
    const win = await ownWin(deps, key, idParam(c.req.param('winId')) ?? 0);
    const tr = await speak(c);
    if (!win) return notYourWin(c, tr);
    return render(c, tr, tr.t('web.edit.title'), '/wins', editWinBody(tr, baseOf(c), session, win));
  });

  r.post('/:guildId/wins/:winId/edit', async (c) => {
    const { key, session } = c.get('member');
    const typed = String((await c.req.parseBody()).text ?? '');
    const edited = await editWin(deps, key, idParam(c.req.param('winId')) ?? 0, typed);
    if (edited.ok) return c.redirect(`${baseOf(c)}/wins?done=edited`, 303);
    if (edited.problem === 'not-found') return c.redirect(`${baseOf(c)}/wins?done=not-found`, 303);
    const tr = await speak(c);
    return render(c, tr, tr.t('web.edit.title'), '/wins', editWinBody(tr, baseOf(c), session, edited.win, tr.say(problemMessage(edited.problem)).replace(/`/g, ''), typed), 400);
  });

  r.get('/:guildId/wins/:winId/delete', async (c) => {
    const { key, session } = c.get('member');
    const win = await ownWin(deps, key, idParam(c.req.param('winId')) ?? 0);
    const tr = await speak(c);
    if (!win) return notYourWin(c, tr);
    return render(c, tr, tr.t('web.deleteWin.title'), '/wins', deleteWinBody(tr, baseOf(c), session, win, win.timezone));
  });

  r.post('/:guildId/wins/:winId/delete', async (c) => {
    const { key } = c.get('member');
    // As in Discord: the public celebration goes with the win.
    const result = await deleteWin({ ...deps, removeCelebration: (place) => deps.bot.removeCelebration(place) }, key, idParam(c.req.param('winId')) ?? 0);
    const removal = result.deleted ? result.celebration?.removal : undefined;
    const done = !result.deleted ? 'not-found' : removal === 'removed' ? 'deleted-celebration' : removal === 'not-allowed' ? 'deleted-celebration-stays' : 'deleted';
    return c.redirect(`${baseOf(c)}/wins?done=${done}`, 303);
  });

  const settingsPage = async (c: C, problem?: MessageKey, changed?: SettingsChanged) => {
    const { key, session } = c.get('member');
    const { settings, now } = await settingsOf(deps, key);
    const tr = await speak(c);
    const body = settingsBody({ base: baseOf(c), session, settings, now, problem: problem && tr.t(problem), changed }, tr);
    return render(c, tr, tr.t('web.settings.title'), '/settings', body, problem ? 400 : 200);
  };
  r.get('/:guildId/settings', (c) => settingsPage(c));
  r.post('/:guildId/settings', async (c) => {
    const { key } = c.get('member');
    const form = await c.req.parseBody();
    const timezone = readTimeZoneSetting(String(form.timezone ?? 'server'));
    if (timezone.kind === 'unknown') return settingsPage(c, 'web.settings.unknownTimezone');
    const dms = form.dms === 'on' ? true : form.dms === 'off' ? false : undefined;
    const changed = await changeSettings(deps, key, { timezone, dms });
    // What a new timezone rewrote is said on the page itself; otherwise back to a clean URL.
    if (changed.rewritten.length > 0 || changed.streak) return settingsPage(c, undefined, changed);
    return c.redirect(`${baseOf(c)}/settings?done=settings`, 303);
  });

  r.get('/:guildId/data', async (c) => {
    const tr = await speak(c);
    return render(c, tr, tr.t('web.data.title'), '/data', dataBody(tr, baseOf(c), c.get('member').guild.name));
  });
  r.get('/:guildId/data/export', async (c) => {
    const { key } = c.get('member');
    c.header('content-disposition', `attachment; filename="${exportFileName(key)}.json"`);
    return c.body(JSON.stringify(await exportOf(deps, key), null, 2), 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  r.get('/:guildId/data/delete', async (c) => {
    const { session, guild } = c.get('member');
    const tr = await speak(c);
    return render(c, tr, tr.t('web.deleteAll.title'), '/data', deleteAllBody(tr, baseOf(c), session, guild.name));
  });
  r.post('/:guildId/data/delete', async (c) => {
    const { key, session } = c.get('member');
    // Asked before the deletion: the member's remembered language goes with everything else.
    const tr = await speak(c);
    // The consistency role is cleared with Discord first, best effort (an expired grant is not renewed from here).
    const deleted = await deleteEverythingOf(deps, key, { sealKey: sealKeyFrom(deps.web.sessionSecret), clear: deps.bot.roleConnections.clear });
    const words = tr.t(deleted ? 'web.deleted.done' : 'web.deleted.nothing');
    return c.html(page({ tr, title: tr.t('web.deleted.title'), session, guild: c.get('member').guild, body: pageBody(tr, words, baseOf(c)) }));
  });
  r.route('/', adminRoutes(deps, discord));
  return r;
}

function pageBody(tr: Translator, words: string, base: string): Html {
  return html`<h1>${tr.t('web.data.title')}</h1><p role="status">${words}</p><p><a href="${base}">${tr.t('web.deleted.back')}</a></p>`;
}
