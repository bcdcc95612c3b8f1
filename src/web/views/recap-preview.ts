import { html } from 'hono/html';
import { archiveIntroOf } from '../../domain/recap/text.js';
import type { RecapContent, RecapLine } from '../../domain/recap/types.js';
import { english, type Translator } from '../../i18n/index.js';
import type { Html } from '../layout.js';
import { memberWords } from './member-words.js';

/** A member's display name, or "a member" when the bot cannot see them: never a raw id or mention. */
export type NameOf = (userId: string) => string;

/** The recap drawn from its content (SPEC §10): names instead of mentions, members' words as text. */
const lineText = (line: RecapLine, tr: Translator): string =>
  line.kind === 'said' ? tr.say(line.message) : line.ids.map((id) => tr.t(`encouragement.${id}`)).join(' ');

export function recapPreviewView(recap: RecapContent, nameOf: NameOf, tr: Translator = english): Html {
  return html`<article class="embed">
<h3>${tr.t('recap.title', { dates: tr.dateSpan(recap.firstDay, recap.lastDay) })}</h3>
${recap.together !== undefined ? html`<p><strong>${tr.t('recap.togetherLabel')}</strong>: ${tr.say(recap.together)}${recap.beatUsual !== undefined ? ` ${tr.t('recap.beatUsual', { count: recap.beatUsual })}` : ''}</p>` : ''}
${recap.lines.map((line) => html`<p>${lineText(line, tr)}</p>`)}
${recap.late ? html`<p><em>${tr.t('recap.lateWeb')}</em></p>` : ''}
${recap.highlights.length > 0 ? html`<h4>${tr.t('recap.highlights')}</h4><ul>${recap.highlights.map((win) => html`<li>${nameOf(win.userId)}: <span class="win-text">${memberWords(win.text, tr)}</span></li>`)}</ul>` : ''}
${recap.archive !== undefined ? html`<h4>${tr.t('recap.archive')}</h4><p>${tr.say(archiveIntroOf(recap.archive, nameOf(recap.archive.userId)))}</p><blockquote class="win-text">${memberWords(recap.archive.text, tr)}</blockquote>` : ''}
${recap.partnerGroups.length > 0 ? html`<h4>${tr.t('web.preview.partners')}</h4><ul>${recap.partnerGroups.map((group) => html`<li>${tr.list(group.map(nameOf))}</li>`)}</ul>` : ''}
</article>`;
}
