import { html, raw } from 'hono/html';
import type { GoalSummary } from '../../db/goal-progress.js';
import type { OwnProgress } from '../../features/progress.js';
import { ghostLine, streakLine, thisWeekLine } from '../../domain/own-pace.js';
import { localDateOf } from '../../domain/time.js';
import { english, type Translator } from '../../i18n/index.js';
import type { Html } from '../layout.js';
import { code, rich } from '../say.js';
import { memberWords } from './member-words.js';

export interface OverviewView {
  guildName: string;
  progress: OwnProgress;
  calendarSvg: string;
  guildId?: string;
  /** The consistency role (SPEC §13), when the server offers it. */
  consistencyRole?: { offered: boolean; linked: boolean; expired: boolean; weeksActive: number | null };
}

function consistencySection(view: OverviewView, tr: Translator): Html | string {
  const role = view.consistencyRole;
  if (!role?.offered || !view.guildId) return '';
  const state = role.expired
    ? html`<p>${tr.t('web.role.expired', { weeks: role.weeksActive ?? 0 })}</p>`
    : role.linked
    ? html`<p>${rich(tr, 'web.role.linked', {}, { weeks: html`<strong>${tr.t('web.role.weeksActive', { count: role.weeksActive ?? '…' })}</strong>` })}</p>`
    : html`<p>${tr.t('web.role.offer')}</p>`;
  return html`<section aria-labelledby="role-h" class="card">
<h2 id="role-h">${tr.t('web.role.heading')}</h2>
${state}
<form method="get" action="/auth/link-role"><input type="hidden" name="guild" value="${view.guildId}"><button type="submit">${tr.t(role.linked ? 'web.role.linkAgain' : 'web.role.link')}</button></form>
</section>`;
}

/** The goal's if-then plan in the member's words, and its reminder moment (SPEC §13). */
function planParagraph(goal: GoalSummary['goal'], tr: Translator): Html | string {
  if (!goal.planWhen || !goal.planThen) return '';
  const reminder =
    goal.planAt && goal.planDay && goal.planReminders ? html` <span class="muted">${tr.t('web.goal.reminder', { day: String(goal.planDay), time: goal.planAt })}</span>` : '';
  return html`<p class="plan">${tr.t('web.goal.plan', { when: memberWords(goal.planWhen, tr), then: memberWords(goal.planThen, tr) })}${reminder}</p>`;
}

function goalCard(summary: GoalSummary, timezone: string, tr: Translator): Html {
  const { goal, current, history } = summary;
  const dayOf = (instant: Date) => {
    const day = localDateOf(timezone, instant);
    return tr.dateSpan(day, day);
  };
  const offer = summary.offer
    ? rich(tr, summary.offer.kind === 'smaller' ? 'web.goal.offer.smaller' : 'web.goal.offer.bigger', { to: summary.offer.to }, { command: code('/goal edit') })
    : '';
  return html`<li class="card">
<h3 class="goal-title">${memberWords(goal.title, tr)}</h3>
<p><label for="goal-${goal.id}">${tr.t('web.goal.progress', { count: current.count, target: current.target, period: current.period })}</label>
<progress id="goal-${goal.id}" max="${current.target}" value="${Math.min(current.count, current.target)}">${current.count}/${current.target}</progress>
${current.count >= current.target ? html` <span class="tag">${tr.t('web.goal.met')}</span>` : ''}</p>
${planParagraph(goal, tr)}
<p class="meta">${tr.t('web.goal.seenBy', { share: goal.share })}${summary.offer ? html` ${offer}` : ''}</p>
${history.length === 0
    ? ''
    : html`<details><summary>${tr.t('web.goal.earlier', { period: current.period })}</summary><table><caption class="muted">${tr.t('web.goal.newestFirst')}</caption>
<thead><tr><th scope="col">${tr.t('web.goal.from')}</th><th scope="col">${tr.t('web.goal.wins')}</th><th scope="col">${tr.t('web.goal.target')}</th><th scope="col"></th></tr></thead><tbody>
${history.map(
  (p) =>
    html`<tr><td>${dayOf(p.range.start)}</td><td>${tr.number(p.count)}</td><td>${tr.number(p.target)}</td><td>${tr.t(p.met ? 'web.goal.history.met' : p.paused ? 'web.goal.history.paused' : 'web.goal.history.missed')}</td></tr>`,
)}
</tbody></table></details>`}
</li>`;
}

export function overviewBody(view: OverviewView, tr: Translator = english): Html {
  const { figures, pausedNow, timezone, totalWins, goals } = view.progress;
  const ghost = figures ? ghostLine(figures.ghost, figures.thisWeek) : undefined;
  return html`<h1>${tr.t('web.overview.heading', { server: view.guildName })}</h1>
<section aria-labelledby="week-h" class="card">
<h2 id="week-h">${tr.t('web.overview.thisWeek')}</h2>
${figures
    ? html`<p>${tr.say(thisWeekLine(figures.thisWeek, figures.usual))}</p>
<p>${tr.say(streakLine(figures.streaks, pausedNow))}</p>
${figures.repairable ? html`<p class="repair">🩹 ${rich(tr, 'web.overview.repair', {}, { command: code('/progress') })}</p>` : ''}
${ghost ? html`<p>${tr.say(ghost)}</p>` : ''}`
    : html`<p>${rich(tr, 'web.overview.firstWin', {}, { example: code(tr.t('web.overview.firstWinExample')) })}</p>`}
<p class="meta">${tr.t('web.overview.meta', { total: totalWins, timezone })}</p>
</section>
${consistencySection(view, tr)}
<section aria-labelledby="cal-h" class="card">
<h2 id="cal-h">${tr.t('web.overview.calendar')}</h2>
<div class="calendar" tabindex="0" role="img" aria-label="${tr.t('web.overview.calendarLabel')}">${raw(view.calendarSvg)}</div>
</section>
<section aria-labelledby="goals-h">
<h2 id="goals-h">${tr.t('web.overview.goals')}</h2>
${goals.length === 0
    ? html`<p>${rich(tr, 'web.overview.noGoals', {}, { command: code('/goal add') })}</p>`
    : html`<ul style="list-style:none;padding:0">${goals.map((g) => goalCard(g, timezone, tr))}</ul>`}
</section>`;
}
