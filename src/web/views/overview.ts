import { html, raw } from 'hono/html';
import type { GoalSummary } from '../../db/goal-progress.js';
import type { OwnProgress } from '../../features/progress.js';
import { weekdayWord } from '../../domain/date-format.js';
import { ghostLine, streakLine, thisWeekLine } from '../../domain/own-pace.js';
import { english, type Translator } from '../../i18n/index.js';
import type { Html } from '../layout.js';
import { memberWords } from './member-words.js';

export interface OverviewView {
  guildName: string;
  progress: OwnProgress;
  calendarSvg: string;
  guildId?: string;
  /** The consistency role (SPEC §13), when the server offers it. */
  consistencyRole?: { offered: boolean; linked: boolean; expired: boolean; weeksActive: number | null };
}

function consistencySection(view: OverviewView): Html | string {
  const role = view.consistencyRole;
  if (!role?.offered || !view.guildId) return '';
  const state = role.expired
    ? html`<p>Your link has run out (Discord's permission lasts a week), so the number stays at ${role.weeksActive ?? 0} until you link again.</p>`
    : role.linked
    ? html`<p>Linked. Discord knows you were active <strong>${role.weeksActive ?? '…'} of your last 6 weeks</strong>; I update it after each weekly recap.</p>`
    : html`<p>This server offers a role for consistency: how many of your last 6 weeks had a win, measured against yourself only. It's yours to take or leave.</p>`;
  return html`<section aria-labelledby="role-h" class="card">
<h2 id="role-h">Consistency role</h2>
${state}
<form method="get" action="/auth/link-role"><input type="hidden" name="guild" value="${view.guildId}"><button type="submit">${role.linked ? 'Link again' : 'Link my consistency role'}</button></form>
</section>`;
}

const dayOf = (instant: Date, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: 'numeric', month: 'short' }).format(instant);

/** The goal's if-then plan in the member's words, and its reminder moment (SPEC §13). */
function planParagraph(goal: GoalSummary['goal']): Html | string {
  if (!goal.planWhen || !goal.planThen) return '';
  const reminder = goal.planAt && goal.planDay && goal.planReminders ? html` <span class="muted">(reminder ${weekdayWord(goal.planDay)}s ${goal.planAt})</span>` : '';
  return html`<p class="plan">🗓️ When ${memberWords(goal.planWhen)}, I will ${memberWords(goal.planThen)}.${reminder}</p>`;
}

function goalCard(summary: GoalSummary, timezone: string): Html {
  const { goal, current, history } = summary;
  const shareWords = { private: 'only you', partner: 'you and your partner', server: 'the server' }[goal.share] ?? goal.share;
  return html`<li class="card">
<h3 class="goal-title">${memberWords(goal.title)}</h3>
<p><label for="goal-${goal.id}">${current.count} of ${current.target} this ${current.period}</label>
<progress id="goal-${goal.id}" max="${current.target}" value="${Math.min(current.count, current.target)}">${current.count}/${current.target}</progress>
${current.count >= current.target ? html` <span class="tag">met 🎉</span>` : ''}</p>
${planParagraph(goal)}
<p class="meta">Seen by ${shareWords}.${summary.offer ? html` ${summary.offer.kind === 'smaller' ? `A smaller target of ${summary.offer.to} might feel kinder for now` : `You've been beating it — ${summary.offer.to} could be your next step`} (change it with <code>/goal edit</code>).` : ''}</p>
${history.length === 0
    ? ''
    : html`<details><summary>Earlier ${current.period}s</summary><table><caption class="muted">Newest first</caption>
<thead><tr><th scope="col">From</th><th scope="col">Wins</th><th scope="col">Target</th><th scope="col"></th></tr></thead><tbody>
${history.map((p) => html`<tr><td>${dayOf(p.range.start, timezone)}</td><td>${p.count}</td><td>${p.target}</td><td>${p.met ? 'met ✅' : p.paused ? 'on pause — not judged' : 'not this time — that’s okay'}</td></tr>`)}
</tbody></table></details>`}
</li>`;
}

export function overviewBody(view: OverviewView, tr: Translator = english): Html {
  const { figures, pausedNow, timezone, totalWins, goals } = view.progress;
  const ghost = figures ? ghostLine(figures.ghost, figures.thisWeek) : undefined;
  return html`<h1>Your wins in ${view.guildName}</h1>
<section aria-labelledby="week-h" class="card">
<h2 id="week-h">This week</h2>
${figures
    ? html`<p>${tr.say(thisWeekLine(figures.thisWeek, figures.usual))}</p>
<p>${tr.say(streakLine(figures.streaks, pausedNow))}</p>
${figures.repairable ? html`<p class="repair">🩹 Last week had no wins, and that's okay. If you'd like your streak to carry on, <code>/progress</code> offers a free repair (one every 8 weeks).</p>` : ''}
${ghost ? html`<p>${tr.say(ghost)}</p>` : ''}`
    : html`<p>No wins here yet. Your first one can be tiny: <code>/win text: drank a glass of water</code> counts. 🌱</p>`}
<p class="meta">${totalWins} wins in all · days and weeks in ${timezone}</p>
</section>
${consistencySection(view)}
<section aria-labelledby="cal-h" class="card">
<h2 id="cal-h">Win calendar</h2>
<div class="calendar" tabindex="0" role="img" aria-label="Your wins per day over the last 26 weeks; darker green means more wins">${raw(view.calendarSvg)}</div>
</section>
<section aria-labelledby="goals-h">
<h2 id="goals-h">Your goals</h2>
${goals.length === 0
    ? html`<p>No goals yet. Goals are yours alone: set one with <code>/goal add</code> when you feel like it.</p>`
    : html`<ul style="list-style:none;padding:0">${goals.map((g) => goalCard(g, timezone))}</ul>`}
</section>`;
}
