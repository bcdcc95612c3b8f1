import { html } from 'hono/html';
import type { Goal, Win, WebSession } from '../../db/schema.js';
import { WIN_TEXT_MAX } from '../../domain/win-input.js';
import { english, type Translator } from '../../i18n/index.js';
import { csrfField, type Html } from '../layout.js';
import { memberWords } from './member-words.js';

export interface WinsQuery {
  search: string;
  goalId: number | undefined;
  visibility: 'private' | 'public' | undefined;
  page: number;
}

export interface WinsView {
  base: string;
  session: WebSession;
  query: WinsQuery;
  goals: Goal[];
  wins: Win[];
  total: number;
  pages: number;
  timezone: string;
}

/** A win's day in the member's timezone and language: "Thu 26 Nov 2026", "2026年11月26日(木)". */
export const whenOf = (instant: Date, timezone: string, tr: Translator = english): string => tr.shortDate(timezone, instant, true);

function queryString(q: WinsQuery, page: number): string {
  const params = new URLSearchParams();
  if (q.search) params.set('q', q.search);
  if (q.goalId !== undefined) params.set('goal', String(q.goalId));
  if (q.visibility) params.set('show', q.visibility);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function winItem(tr: Translator, view: WinsView, win: Win, goalTitles: Map<number, string>): Html {
  const goal = win.goalId === null ? undefined : goalTitles.get(win.goalId);
  return html`<li>
<p class="win-text">${memberWords(win.text, tr)}</p>
<p class="meta">${whenOf(win.occurredAt, view.timezone, tr)}
${win.isPrivate ? html` · <span class="tag private">${tr.t('web.wins.private')}</span>` : html` · <span class="tag">${tr.t('web.wins.public')}</span>`}
${goal ? html` · 🎯 <span class="goal-title">${memberWords(goal, tr)}</span>` : ''}</p>
<div class="actions"><a class="button plain" href="${view.base}/wins/${win.id}/edit" aria-label="${tr.t('web.wins.editLabel')}">${tr.t('web.wins.edit')}</a>
<a class="button plain" href="${view.base}/wins/${win.id}/delete" aria-label="${tr.t('web.wins.deleteLabel')}">${tr.t('web.wins.delete')}</a></div>
</li>`;
}

function summary(tr: Translator, view: WinsView, filtered: boolean): string {
  if (view.total === 0) return tr.t(filtered ? 'web.wins.noMatch' : 'web.wins.none');
  return tr.t('web.wins.count', { count: view.total, filtered: filtered ? 'yes' : 'no' });
}

export function winsBody(view: WinsView, tr: Translator = english): Html {
  const { query: q } = view;
  const goalTitles = new Map(view.goals.map((g) => [g.id, g.title]));
  const filtered = Boolean(q.search || q.goalId !== undefined || q.visibility);
  return html`<h1>${tr.t('web.wins.title')}</h1>
<form method="get" action="${view.base}/wins" class="card" role="search" aria-label="${tr.t('web.wins.find')}">
<div class="filters">
<div><label for="q">${tr.t('web.wins.words')}</label><input type="search" id="q" name="q" value="${q.search}" maxlength="100"></div>
<div><label for="goal">${tr.t('web.wins.goal')}</label><select id="goal" name="goal"><option value="">${tr.t('web.wins.anyGoal')}</option>
${view.goals.map((g) => html`<option value="${g.id}"${g.id === q.goalId ? html` selected` : ''}>${memberWords(g.title, tr)}</option>`)}</select></div>
<div><label for="show">${tr.t('web.wins.who')}</label><select id="show" name="show">
<option value="">${tr.t('web.wins.both')}</option>
<option value="public"${q.visibility === 'public' ? html` selected` : ''}>${tr.t('web.wins.publicOnly')}</option>
<option value="private"${q.visibility === 'private' ? html` selected` : ''}>${tr.t('web.wins.privateOnly')}</option></select></div>
<div><button type="submit">${tr.t('web.wins.show')}</button></div>
</div></form>
<p role="status">${summary(tr, view, filtered)}</p>
<ol class="wins">${view.wins.map((w) => winItem(tr, view, w, goalTitles))}</ol>
${view.pages > 1
    ? html`<nav class="pager" aria-label="${tr.t('web.wins.pages')}">
${q.page > 1 ? html`<a href="${view.base}/wins${queryString(q, q.page - 1)}" rel="prev">${tr.t('web.wins.newer')}</a>` : html`<span></span>`}
<span>${tr.t('web.wins.page', { page: q.page, pages: view.pages })}</span>
${q.page < view.pages ? html`<a href="${view.base}/wins${queryString(q, q.page + 1)}" rel="next">${tr.t('web.wins.older')}</a>` : html`<span></span>`}
</nav>`
    : ''}`;
}

export function editWinBody(tr: Translator, base: string, session: WebSession, win: Win, problem?: string, typed?: string): Html {
  return html`<h1>${tr.t('web.edit.title')}</h1>
${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
<form method="post" action="${base}/wins/${win.id}/edit" class="card">
${csrfField(session)}
<label for="text">${tr.t('web.edit.label')}</label>
<textarea id="text" name="text" maxlength="${WIN_TEXT_MAX}" required aria-describedby="text-help">${typed ?? win.text}</textarea>
<p id="text-help" class="meta">${tr.t('web.edit.help', { max: WIN_TEXT_MAX, private: win.isPrivate ? 'yes' : 'no' })}</p>
<div class="actions"><button type="submit">${tr.t('web.edit.save')}</button> <a class="button plain" href="${base}/wins">${tr.t('web.common.cancel')}</a></div>
</form>`;
}

export function deleteWinBody(tr: Translator, base: string, session: WebSession, win: Win, timezone: string): Html {
  return html`<h1>${tr.t('web.deleteWin.title')}</h1>
<div class="card"><p class="win-text">${memberWords(win.text, tr)}</p><p class="meta">${whenOf(win.occurredAt, timezone, tr)}</p></div>
<p>${tr.t('web.deleteWin.about')}</p>
<form method="post" action="${base}/wins/${win.id}/delete" class="actions">
${csrfField(session)}
<button type="submit" class="danger">${tr.t('web.deleteWin.confirm')}</button> <a class="button plain" href="${base}/wins">${tr.t('web.deleteWin.keep')}</a>
</form>`;
}
