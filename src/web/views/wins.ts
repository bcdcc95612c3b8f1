import { html } from 'hono/html';
import type { Goal, Win, WebSession } from '../../db/schema.js';
import { WIN_TEXT_MAX } from '../../domain/win-input.js';
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

export const whenOf = (instant: Date, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(instant);

function queryString(q: WinsQuery, page: number): string {
  const params = new URLSearchParams();
  if (q.search) params.set('q', q.search);
  if (q.goalId !== undefined) params.set('goal', String(q.goalId));
  if (q.visibility) params.set('show', q.visibility);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function winItem(view: WinsView, win: Win, goalTitles: Map<number, string>): Html {
  const goal = win.goalId === null ? undefined : goalTitles.get(win.goalId);
  return html`<li>
<p class="win-text">${memberWords(win.text)}</p>
<p class="meta">${whenOf(win.occurredAt, view.timezone)}
${win.isPrivate ? html` · <span class="tag private">private</span>` : html` · <span class="tag">public</span>`}
${goal ? html` · 🎯 <span class="goal-title">${memberWords(goal)}</span>` : ''}</p>
<div class="actions"><a class="button plain" href="${view.base}/wins/${win.id}/edit">Edit<span class="skip"> this win</span></a>
<a class="button plain" href="${view.base}/wins/${win.id}/delete">Delete<span class="skip"> this win</span></a></div>
</li>`;
}

export function winsBody(view: WinsView): Html {
  const { query: q } = view;
  const goalTitles = new Map(view.goals.map((g) => [g.id, g.title]));
  const filtered = Boolean(q.search || q.goalId !== undefined || q.visibility);
  return html`<h1>Your wins</h1>
<form method="get" action="${view.base}/wins" class="card" role="search" aria-label="Find wins">
<div class="filters">
<div><label for="q">Words</label><input type="search" id="q" name="q" value="${q.search}" maxlength="100"></div>
<div><label for="goal">Goal</label><select id="goal" name="goal"><option value="">Any goal</option>
${view.goals.map((g) => html`<option value="${g.id}"${g.id === q.goalId ? html` selected` : ''}>${memberWords(g.title)}</option>`)}</select></div>
<div><label for="show">Who can see it</label><select id="show" name="show">
<option value="">Public and private</option>
<option value="public"${q.visibility === 'public' ? html` selected` : ''}>Public only</option>
<option value="private"${q.visibility === 'private' ? html` selected` : ''}>Private only</option></select></div>
<div><button type="submit">Show</button></div>
</div></form>
<p role="status">${view.total === 0
    ? filtered
      ? 'No wins match that. Try fewer words or another filter.'
      : 'No wins here yet. Log one with /win in the server, and it appears here.'
    : `${view.total} ${view.total === 1 ? 'win' : 'wins'}${filtered ? ' match' : ''}, newest first.`}</p>
<ol class="wins">${view.wins.map((w) => winItem(view, w, goalTitles))}</ol>
${view.pages > 1
    ? html`<nav class="pager" aria-label="Pages">
${q.page > 1 ? html`<a href="${view.base}/wins${queryString(q, q.page - 1)}" rel="prev">← Newer</a>` : html`<span></span>`}
<span>Page ${q.page} of ${view.pages}</span>
${q.page < view.pages ? html`<a href="${view.base}/wins${queryString(q, q.page + 1)}" rel="next">Older →</a>` : html`<span></span>`}
</nav>`
    : ''}`;
}

export function editWinBody(base: string, session: WebSession, win: Win, problem?: string, typed?: string): Html {
  return html`<h1>Edit your win</h1>
${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
<form method="post" action="${base}/wins/${win.id}/edit" class="card">
${csrfField(session)}
<label for="text">What you did</label>
<textarea id="text" name="text" maxlength="${WIN_TEXT_MAX}" required aria-describedby="text-help">${typed ?? win.text}</textarea>
<p id="text-help" class="meta">Up to ${WIN_TEXT_MAX} characters. ${win.isPrivate ? 'This win is private: only you see it.' : 'This win is public in the server.'}</p>
<div class="actions"><button type="submit">Save</button> <a class="button plain" href="${base}/wins">Cancel</a></div>
</form>`;
}

export function deleteWinBody(base: string, session: WebSession, win: Win, timezone: string): Html {
  return html`<h1>Delete this win?</h1>
<div class="card"><p class="win-text">${memberWords(win.text)}</p><p class="meta">${whenOf(win.occurredAt, timezone)}</p></div>
<p>It will be gone for good, from here and from your history. It still counted while it was there.</p>
<form method="post" action="${base}/wins/${win.id}/delete" class="actions">
${csrfField(session)}
<button type="submit" class="danger">Yes, delete it</button> <a class="button plain" href="${base}/wins">Keep it</a>
</form>`;
}
