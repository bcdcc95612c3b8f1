import { html } from 'hono/html';
import type { Guild, WebSession } from '../../db/schema.js';
import type { RecapContent } from '../../domain/recap/types.js';
import { listTimeZones } from '../../domain/timezones.js';
import { WEEKDAY_NAMES } from '../../domain/weekly-settings.js';
import { english, type Translator } from '../../i18n/index.js';
import { csrfField, type Html } from '../layout.js';
import { rich } from '../say.js';
import { recapPreviewView, type NameOf } from './recap-preview.js';

export interface AdminView {
  base: string;
  session: WebSession;
  settings: Guild;
  channels: { id: string; name: string }[];
  nextRecap: string | undefined;
  preview: RecapContent;
  nameOf: NameOf;
  /** The admin's language, for the page; English when not said. */
  tr?: Translator;
  /** The language the recap speaks, for its preview; the admin's when not said. */
  recapTr?: Translator;
  problem?: string | undefined;
  /** For the Linked Roles setup hint. */
  applicationId?: string;
}

const daySelect = (tr: Translator, id: string, chosen: number): Html =>
  html`<select id="${id}" name="day">${WEEKDAY_NAMES.map((name, i) => html`<option value="${name}"${i + 1 === chosen ? html` selected` : ''}>${tr.weekday(i + 1)}</option>`)}</select>`;

/** The stored delivery problem in the admin's words; text stored before problems were codes is shown as it was. */
function deliveryProblem(tr: Translator, stored: string, channel: string): string {
  switch (stored) {
    case 'missing-permission':
      return tr.t('web.admin.delivery.missingPermission', { channel });
    case 'unknown-channel':
      return tr.t('web.admin.delivery.unknownChannel', { channel });
    case 'invalid-schedule':
      return tr.t('web.admin.delivery.invalidSchedule');
    default:
      return stored;
  }
}

export function adminBody(view: AdminView): Html {
  const tr = view.tr ?? english;
  const s = view.settings;
  const channelName = view.channels.find((c) => c.id === s.recapChannelId)?.name;
  const channel = channelName ? `#${channelName}` : tr.t('web.admin.lostChannel');
  return html`<h1>${tr.t('web.tab.admin')}</h1>
${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
${s.recapProblem
    ? html`<div class="problem" role="alert"><p><strong>⚠️ ${tr.t('web.admin.delivery.label')}</strong> ${deliveryProblem(tr, s.recapProblem, channel)}</p><p>${tr.t('web.admin.delivery.fix')}</p></div>`
    : ''}
<section class="card" aria-labelledby="recap-h">
<h2 id="recap-h">${tr.t('web.admin.recap.heading')}</h2>
<p>${s.recapChannelId
    ? tr.t('web.admin.recap.posted', { channel, day: String(s.recapDay), time: s.recapTime, timezone: s.timezone })
    : tr.t('web.admin.recap.notSetUp')}
${view.nextRecap ? html`<br>${rich(tr, 'web.admin.recap.next', {}, { when: html`<strong>${view.nextRecap}</strong>` })}` : ''}</p>
<form method="post" action="${view.base}/admin/recap">
${csrfField(view.session)}
<label for="channel">${tr.t('web.admin.recap.channel')}</label>
<select id="channel" name="channel" required>
${s.recapChannelId ? '' : html`<option value="">${tr.t('web.admin.recap.pickChannel')}</option>`}
${view.channels.map((c) => html`<option value="${c.id}"${c.id === s.recapChannelId ? html` selected` : ''}>#${c.name}</option>`)}
</select>
<label for="recap-day">${tr.t('web.admin.recap.day')}</label>${daySelect(tr, 'recap-day', s.recapDay)}
<label for="time">${tr.t('web.admin.recap.time')}</label>
<input type="time" id="time" name="time" value="${s.recapTime}" required>
<label for="server-tz">${tr.t('web.admin.recap.timezone')}</label>
<select id="server-tz" name="timezone">${listTimeZones().map((z) => html`<option${z === s.timezone ? html` selected` : ''}>${z}</option>`)}</select>
<p><button type="submit">${tr.t('web.admin.recap.save')}</button></p>
</form>
</section>
<section class="card" aria-labelledby="checkins-h">
<h2 id="checkins-h">${tr.t('web.admin.checkins.heading')}</h2>
<form method="post" action="${view.base}/admin/checkins">
${csrfField(view.session)}
<p class="check"><input type="checkbox" id="enabled" name="enabled" value="on"${s.checkinsEnabled ? html` checked` : ''}> <label for="enabled">${tr.t('web.admin.checkins.enabled')}</label></p>
<label for="checkin-day">${tr.t('web.admin.checkins.day')}</label>${daySelect(tr, 'checkin-day', s.checkinDay)}
<p><button type="submit">${tr.t('web.admin.checkins.save')}</button></p>
</form>
</section>
<section class="card" aria-labelledby="role-h">
<h2 id="role-h">${tr.t('web.admin.role.heading')}</h2>
<p>${rich(tr, 'web.admin.role.about', {}, { linkedRole: html`<em>${tr.t('web.admin.role.linkedRole')}</em>` })}</p>
<form method="post" action="${view.base}/admin/consistency-role">
${csrfField(view.session)}
<p class="check"><input type="checkbox" id="role-enabled" name="enabled" value="on"${s.consistencyRole ? html` checked` : ''}> <label for="role-enabled">${tr.t('web.admin.role.enabled')}</label></p>
<p><button type="submit">${tr.t('web.admin.role.save')}</button></p>
</form>
${s.consistencyRole ? html`<p class="meta">${tr.t('web.admin.role.next')}</p>` : ''}
</section>
<section class="card" aria-labelledby="preview-h">
<h2 id="preview-h">${tr.t('web.admin.preview.heading')}</h2>
<p class="meta">${tr.t('web.admin.preview.about')}</p>
${recapPreviewView(view.preview, view.nameOf, view.recapTr ?? tr)}
</section>`;
}
