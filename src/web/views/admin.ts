import type { Translator } from '../../i18n/index.js';
import { html } from 'hono/html';
import type { Guild, WebSession } from '../../db/schema.js';
import { describeRecapProblem } from '../../domain/recap/problem.js';
import type { RecapContent } from '../../domain/recap/types.js';
import { listTimeZones } from '../../domain/timezones.js';
import { WEEKDAY_NAMES, weekdayName } from '../../domain/weekly-settings.js';
import { csrfField, type Html } from '../layout.js';
import { recapPreviewView, type NameOf } from './recap-preview.js';

export interface AdminView {
  base: string;
  session: WebSession;
  settings: Guild;
  channels: { id: string; name: string }[];
  nextRecap: string | undefined;
  preview: RecapContent;
  nameOf: NameOf;
  /** The language the recap speaks, for its preview; English when not said. */
  tr?: Translator;
  problem?: string | undefined;
  /** For the Linked Roles setup hint. */
  applicationId?: string;
}

const daySelect = (id: string, chosen: number): Html =>
  html`<select id="${id}" name="day">${WEEKDAY_NAMES.map((name, i) => html`<option value="${name}"${i + 1 === chosen ? html` selected` : ''}>${weekdayName(i + 1)}</option>`)}</select>`;

export function adminBody(view: AdminView): Html {
  const s = view.settings;
  const channelName = view.channels.find((c) => c.id === s.recapChannelId)?.name;
  return html`<h1>Server settings</h1>
${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
${s.recapProblem ? html`<div class="problem" role="alert"><p><strong>⚠️ Delivery problem:</strong> ${describeRecapProblem(s.recapProblem, `#${channelName ?? 'a channel I can no longer see'}`)}</p><p>Save the recap settings again once it's fixed.</p></div>` : ''}
<section class="card" aria-labelledby="recap-h">
<h2 id="recap-h">Weekly recap</h2>
<p>${s.recapChannelId
    ? `Posted to #${channelName ?? 'a channel I can no longer see'} every ${weekdayName(s.recapDay)} at ${s.recapTime} (${s.timezone}).`
    : 'Not set up yet: no recap is posted until you pick a channel.'}
${view.nextRecap ? html`<br>Next recap: <strong>${view.nextRecap}</strong>.` : ''}</p>
<form method="post" action="${view.base}/admin/recap">
${csrfField(view.session)}
<label for="channel">Channel</label>
<select id="channel" name="channel" required>
${s.recapChannelId ? '' : html`<option value="">Pick a channel…</option>`}
${view.channels.map((c) => html`<option value="${c.id}"${c.id === s.recapChannelId ? html` selected` : ''}>#${c.name}</option>`)}
</select>
<label for="recap-day">Day</label>${daySelect('recap-day', s.recapDay)}
<label for="time">Time (in the server's timezone)</label>
<input type="time" id="time" name="time" value="${s.recapTime}" required>
<label for="server-tz">Server timezone</label>
<select id="server-tz" name="timezone">${listTimeZones().map((z) => html`<option${z === s.timezone ? html` selected` : ''}>${z}</option>`)}</select>
<p><button type="submit">Save recap settings</button></p>
</form>
</section>
<section class="card" aria-labelledby="checkins-h">
<h2 id="checkins-h">Partner check-ins</h2>
<form method="post" action="${view.base}/admin/checkins">
${csrfField(view.session)}
<p class="check"><input type="checkbox" id="enabled" name="enabled" value="on"${s.checkinsEnabled ? html` checked` : ''}> <label for="enabled">Pair members who opt in, and prompt them mid-week</label></p>
<label for="checkin-day">Prompt day</label>${daySelect('checkin-day', s.checkinDay)}
<p><button type="submit">Save check-in settings</button></p>
</form>
</section>
<section class="card" aria-labelledby="role-h">
<h2 id="role-h">Consistency role (optional)</h2>
<p>Members who choose to can link a Discord <em>linked role</em> that says how many of their last 6 weeks had a win. It measures each member against themselves, never a rank, and only members who link it share the number.</p>
<form method="post" action="${view.base}/admin/consistency-role">
${csrfField(view.session)}
<p class="check"><input type="checkbox" id="role-enabled" name="enabled" value="on"${s.consistencyRole ? html` checked` : ''}> <label for="role-enabled">Offer the consistency role here</label></p>
<p><button type="submit">Save role setting</button></p>
</form>
${s.consistencyRole ? html`<p class="meta">Next, in Discord: Server Settings → Roles → a role → Links → add Small Wins with "Weeks active" at least 4 (for "active 4 of the last 6 weeks").</p>` : ''}
</section>
<section class="card" aria-labelledby="preview-h">
<h2 id="preview-h">This week's recap, as it would look now</h2>
<p class="meta">A preview for you only, composed the way the real recap is. Mentions in the real one never ping.</p>
${recapPreviewView(view.preview, view.nameOf, view.tr)}
</section>`;
}
