import { html } from 'hono/html';
import type { MemberSettings } from '../../db/members.js';
import type { WebSession } from '../../db/schema.js';
import { listTimeZones } from '../../domain/timezones.js';
import { csrfField, type Html } from '../layout.js';

export function settingsBody(base: string, session: WebSession, settings: MemberSettings, localNow: string, problem?: string): Html {
  const own = settings.ownTimezone;
  return html`<h1>Your settings here</h1>
${problem ? html`<p class="problem" role="alert">${problem}</p>` : ''}
<form method="post" action="${base}/settings" class="card">
${csrfField(session)}
<label for="timezone">Your timezone</label>
<select id="timezone" name="timezone" aria-describedby="tz-help">
<option value="server"${own === null ? html` selected` : ''}>The server's (${settings.serverTimezone})</option>
${listTimeZones().map((zone) => html`<option${zone === own ? html` selected` : ''}>${zone}</option>`)}
</select>
<p id="tz-help" class="meta">It decides when your days and weeks begin. It's ${localNow} for you now.</p>
<fieldset><legend>Direct messages</legend>
<p class="check"><input type="radio" id="dms-on" name="dms" value="on"${settings.dms ? html` checked` : ''}> <label for="dms-on">On: check-in prompts and my personal weekly recap by DM</label></p>
<p class="check"><input type="radio" id="dms-off" name="dms" value="off"${settings.dms ? '' : html` checked`}> <label for="dms-off">Off: nothing private from the bot</label></p>
</fieldset>
<button type="submit">Save settings</button>
</form>`;
}
