import { html } from 'hono/html';
import { formatDateSpan } from '../../domain/date-format.js';
import { archiveIntroOf } from '../../domain/recap/text.js';
import type { RecapContent } from '../../domain/recap/types.js';
import type { Html } from '../layout.js';
import { memberWords } from './member-words.js';

/** A member's display name, or "a member" when the bot cannot see them: never a raw id or mention. */
export type NameOf = (userId: string) => string;

const joinNames = (names: readonly string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} & ${names.at(-1) ?? ''}`);

/** The recap drawn from its content (SPEC §10): names instead of mentions, members' words as text. */
export function recapPreviewView(recap: RecapContent, nameOf: NameOf): Html {
  return html`<article class="embed">
<h3>Small wins, ${formatDateSpan(recap.firstDay, recap.lastDay)}</h3>
${recap.together !== undefined ? html`<p><strong>Together</strong>: ${recap.together}${recap.beatUsual !== undefined ? ` ${recap.beatUsual} members beat their own usual week. 🌱` : ''}</p>` : ''}
${recap.lines.map((line) => html`<p>${line}</p>`)}
${recap.late ? html`<p><em>Posted a little late: I was offline for a while.</em></p>` : ''}
${recap.highlights.length > 0 ? html`<h4>Highlights ✨</h4><ul>${recap.highlights.map((win) => html`<li>${nameOf(win.userId)}: <span class="win-text">${memberWords(win.text)}</span></li>`)}</ul>` : ''}
${recap.archive !== undefined ? html`<h4>From the archive 📜</h4><p>${archiveIntroOf(recap.archive, nameOf(recap.archive.userId))}</p><blockquote class="win-text">${memberWords(recap.archive.text)}</blockquote>` : ''}
${recap.partnerGroups.length > 0 ? html`<h4>This week's partners 🤝</h4><ul>${recap.partnerGroups.map((group) => html`<li>${joinNames(group.map(nameOf))}</li>`)}</ul>` : ''}
</article>`;
}
