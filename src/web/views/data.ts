import { html } from 'hono/html';
import type { WebSession } from '../../db/schema.js';
import type { Translator } from '../../i18n/index.js';
import { csrfField, type Html } from '../layout.js';
import { code, rich } from '../say.js';

export function dataBody(tr: Translator, base: string, guildName: string): Html {
  return html`<h1>${tr.t('web.data.heading', { server: guildName })}</h1>
<section class="card" aria-labelledby="export-h">
<h2 id="export-h">${tr.t('web.data.export.heading')}</h2>
<p>${rich(tr, 'web.data.export.about', {}, { command: code('/privacy export') })}</p>
<p><a class="button" href="${base}/data/export" download>${tr.t('web.data.export.button')}</a></p>
</section>
<section class="card" aria-labelledby="delete-h">
<h2 id="delete-h">${tr.t('web.data.delete.heading')}</h2>
<p>${rich(tr, 'web.data.delete.about', {}, { command: code('/privacy delete') })}</p>
<p><a class="button danger" href="${base}/data/delete">${tr.t('web.data.delete.button')}</a></p>
</section>`;
}

export function deleteAllBody(tr: Translator, base: string, session: WebSession, guildName: string): Html {
  return html`<h1>${tr.t('web.deleteAll.heading', { server: guildName })}</h1>
<div class="problem"><p><strong>${tr.t('web.deleteAll.what')}</strong></p>
<ul><li>${tr.t('web.deleteAll.wins')}</li><li>${tr.t('web.deleteAll.goals')}</li><li>${tr.t('web.deleteAll.rest')}</li></ul>
<p>${tr.t('web.deleteAll.final')}</p></div>
<p>${rich(tr, 'web.deleteAll.copyFirst', {}, { link: html`<a href="${base}/data/export" download>${tr.t('web.deleteAll.copyLink')}</a>` })}</p>
<form method="post" action="${base}/data/delete" class="actions">
${csrfField(session)}
<button type="submit" class="danger">${tr.t('web.deleteAll.confirm')}</button> <a class="button plain" href="${base}/data">${tr.t('web.common.cancel')}</a>
</form>`;
}
