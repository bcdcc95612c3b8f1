import { html } from 'hono/html';
import type { MemberSettings } from '../../db/members.js';
import type { WebSession } from '../../db/schema.js';
import type { PeriodReading } from '../../domain/goals.js';
import { localDateTimeOf } from '../../domain/time.js';
import { listTimeZones } from '../../domain/timezones.js';
import type { SettingsChanged } from '../../features/settings.js';
import { english, type Translator } from '../../i18n/index.js';
import { csrfField, type Html } from '../layout.js';
import { rich } from '../say.js';
import { memberWords } from './member-words.js';

export interface SettingsView {
  base: string;
  session: WebSession;
  settings: MemberSettings;
  /** The moment the page is drawn, said in the member's timezone. */
  now: Date;
  problem?: string | undefined;
  /** A change just saved whose new timezone rewrote past counts. */
  changed?: SettingsChanged | undefined;
}

const reading = (tr: Translator, r: PeriodReading): string => tr.t('web.settings.reading', { count: r.count, target: r.target, met: r.met ? 'yes' : 'no' });

const dateOf = (day: string) => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return { year, month, day: date };
};

/** Said, not silent: which past counts a new timezone moved. */
function rewrittenNotice(tr: Translator, changed: SettingsChanged): Html {
  return html`<div class="notice" role="status"><p>${tr.t('web.settings.rewritten')}</p>
<ul>${changed.rewritten.map(
    (p) =>
      html`<li>${rich(
        tr,
        'web.settings.rewrittenPeriod',
        { current: p.current ? 'yes' : 'no', period: p.period, date: tr.dayMonthYear(dateOf(p.startDay)), before: reading(tr, p.before), after: reading(tr, p.after) },
        { title: html`<span class="goal-title">${memberWords(p.title, tr)}</span>` },
      )}</li>`,
  )}${changed.streak ? html`<li>${tr.t('web.settings.rewrittenStreak', { before: changed.streak.before, after: changed.streak.after })}</li>` : ''}</ul></div>`;
}

export function settingsBody(view: SettingsView, tr: Translator = english): Html {
  const { settings, session, base } = view;
  const own = settings.ownTimezone;
  const local = localDateTimeOf(settings.timezone, view.now);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return html`<h1>${tr.t('web.settings.heading')}</h1>
${view.problem ? html`<p class="problem" role="alert">${view.problem}</p>` : ''}
${view.changed ? rewrittenNotice(tr, view.changed) : ''}
<form method="post" action="${base}/settings" class="card">
${csrfField(session)}
<label for="timezone">${tr.t('web.settings.timezone')}</label>
<select id="timezone" name="timezone" aria-describedby="tz-help">
<option value="server"${own === null ? html` selected` : ''}>${tr.t('web.settings.serverTimezone', { timezone: settings.serverTimezone })}</option>
${listTimeZones().map((zone) => html`<option${zone === own ? html` selected` : ''}>${zone}</option>`)}
</select>
<p id="tz-help" class="meta">${tr.t('web.settings.timezoneHelp', { time, day: String(local.weekday) })}</p>
<fieldset><legend>${tr.t('web.settings.dms')}</legend>
<p class="check"><input type="radio" id="dms-on" name="dms" value="on"${settings.dms ? html` checked` : ''}> <label for="dms-on">${tr.t('web.settings.dmsOn')}</label></p>
<p class="check"><input type="radio" id="dms-off" name="dms" value="off"${settings.dms ? '' : html` checked`}> <label for="dms-off">${tr.t('web.settings.dmsOff')}</label></p>
</fieldset>
<button type="submit">${tr.t('web.settings.save')}</button>
</form>`;
}
