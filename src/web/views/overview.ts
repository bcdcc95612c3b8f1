import { html, raw } from 'hono/html';
import type { GoalSummary } from '../../db/goal-progress.js';
import type { OwnProgress } from '../../features/progress.js';
import { ghostLine, streakLine, thisWeekLine } from '../../domain/own-pace.js';
import { english, type Translator } from '../../i18n/index.js';
import type { Html } from '../layout.js';
import { memberWords } from './member-words.js';

export interface OverviewView {
  guildName: string;
  progress: OwnProgress;
  calendarSvg: string;
}

const dayOf = (instant: Date, timezone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: 'numeric', month: 'short' }).format(instant);

function goalCard(summary: GoalSummary, timezone: string): Html {
  const { goal, current, history } = summary;
  const shareWords = { private: 'only you', partner: 'you and your partner', server: 'the server' }[goal.share] ?? goal.share;
  return html`<li class="card">
<h3 class="goal-title">${memberWords(goal.title)}</h3>
<p><label for="goal-${goal.id}">${current.count} of ${current.target} this ${current.period}</label>
<progress id="goal-${goal.id}" max="${current.target}" value="${Math.min(current.count, current.target)}">${current.count}/${current.target}</progress>
${current.count >= current.target ? html` <span class="tag">met 🎉</span>` : ''}</p>
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
${ghost ? html`<p>${tr.say(ghost)}</p>` : ''}`
    : html`<p>No wins here yet. Your first one can be tiny: <code>/win text: drank a glass of water</code> counts. 🌱</p>`}
<p class="meta">${totalWins} wins in all · days and weeks in ${timezone}</p>
</section>
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
