import { html } from 'hono/html';
import type { MemberSettings } from '../../db/members.js';
import type { WebSession } from '../../db/schema.js';
import type { PeriodReading } from '../../domain/goals.js';
import { listTimeZones } from '../../domain/timezones.js';
import type { SettingsChanged } from '../../features/settings.js';
import { csrfField, type Html } from '../layout.js';
import { memberWords } from './member-words.js';

export interface SettingsView {
  base: string;
  session: WebSession;
  settings: MemberSettings;
  localNow: string;
  problem?: string | undefined;
  /** A change just saved whose new timezone rewrote past counts. */
  changed?: SettingsChanged | undefined;
}

const reading = (r: PeriodReading): string => `${r.count} of ${r.target}${r.met ? ', met' : ''}`;

const dayWords = (day: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));

/** Said, not silent: which past counts a new timezone moved. */
function rewrittenNotice(changed: SettingsChanged): Html {
  return html`<div class="notice" role="status"><p>Your settings are saved. Your days now begin at another hour, so some wins fall on other days and these counts changed:</p>
<ul>${changed.rewritten.map(
    (p) => html`<li><span class="goal-title">${memberWords(p.title)}</span>, ${p.current ? `this ${p.period}` : `${p.period} of ${dayWords(p.startDay)}`}: ${reading(p.before)} → ${reading(p.after)}</li>`,
  )}${changed.streak ? html`<li>Your weekly streak: ${changed.streak.before} → ${changed.streak.after} weeks</li>` : ''}</ul></div>`;
}

export function settingsBody(view: SettingsView): Html {
  const { settings, session, base } = view;
  const own = settings.ownTimezone;
  return html`<h1>Your settings here</h1>
${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
${view.changed ? rewrittenNotice(view.changed) : ''}
<form method="post" action="${base}/settings" class="card">
${csrfField(session)}
<label for="timezone">Your timezone</label>
<select id="timezone" name="timezone" aria-describedby="tz-help">
<option value="server"${own === null ? html` selected` : ''}>The server's (${settings.serverTimezone})</option>
${listTimeZones().map((zone) => html`<option${zone === own ? html` selected` : ''}>${zone}</option>`)}
</select>
<p id="tz-help" class="meta">It decides when your days and weeks begin. It's ${view.localNow} for you now.</p>
<fieldset><legend>Direct messages</legend>
<p class="check"><input type="radio" id="dms-on" name="dms" value="on"${settings.dms ? html` checked` : ''}> <label for="dms-on">On: check-in prompts and my personal weekly recap by DM</label></p>
<p class="check"><input type="radio" id="dms-off" name="dms" value="off"${settings.dms ? '' : html` checked`}> <label for="dms-off">Off: nothing private from the bot</label></p>
</fieldset>
<button type="submit">Save settings</button>
</form>`;
}
