import { html } from 'hono/html';
import type { WebSession } from '../../db/schema.js';
import { csrfField, type Html } from '../layout.js';

export function dataBody(base: string, guildName: string): Html {
  return html`<h1>Your data in ${guildName}</h1>
<section class="card" aria-labelledby="export-h">
<h2 id="export-h">Get a copy</h2>
<p>Everything I store about you in this server, as a JSON file: the same as <code>/privacy export</code>.</p>
<p><a class="button" href="${base}/data/export" download>Download my data</a></p>
</section>
<section class="card" aria-labelledby="delete-h">
<h2 id="delete-h">Delete everything</h2>
<p>Removes all your wins (private ones too), goals, settings, pauses, check-ins and pairings in this server, like <code>/privacy delete</code>. I'll ask once more first.</p>
<p><a class="button danger" href="${base}/data/delete">Delete everything…</a></p>
</section>`;
}

export function deleteAllBody(base: string, session: WebSession, guildName: string): Html {
  return html`<h1>Delete everything in ${guildName}?</h1>
<div class="problem"><p><strong>This deletes everything I've stored about you in this server:</strong></p>
<ul><li>all your wins, private ones too</li><li>your goals and their history</li><li>your settings, pauses, check-ins and partner pairings</li></ul>
<p>It can't be undone. Your data in other servers stays untouched, and messages already posted in channels stay where they are.</p></div>
<p>Want a copy first? <a href="${base}/data/export" download>Download your data</a>.</p>
<form method="post" action="${base}/data/delete" class="actions">
${csrfField(session)}
<button type="submit" class="danger">Delete everything</button> <a class="button plain" href="${base}/data">Cancel</a>
</form>`;
}
