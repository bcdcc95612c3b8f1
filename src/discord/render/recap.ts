import { publicMemberText } from '../../domain/member-text.js';
import { recapMarker, type MarkedSpan } from '../../domain/recap-marker.js';
import { archiveIntroOf } from '../../domain/recap/text.js';
import type { RecapContent, RecapLine } from '../../domain/recap/types.js';
import { english, type Translator } from '../../i18n/index.js';
import { mentionOf, type OutgoingEmbed, type OutgoingField, type OutgoingMessage } from './outgoing.js';
import { partnersSection } from './recap-partners.js';
import { palette } from './palette.js';

// Discord drops fields with an empty name; later highlights carry a small visible mark, not an invisible gap.
const LATER_HIGHLIGHT_NAME = '✨';

/** Said after "Together" (SPEC §13): each member against their own past, as a number only. */
export const beatUsualSentence = (n: number, tr: Translator = english): string => tr.t('recap.beatUsual', { count: n });

// Each highlight is its own field so unclosed markdown in one member's text cannot spill into the next.
// Members' words as the celebration shows them: nothing in them may mislead the server (masked links, bidi overrides).
function highlightFields(highlights: RecapContent['highlights'], tr: Translator): OutgoingField[] {
  return highlights.map((win, i) => ({ name: i === 0 ? tr.t('recap.highlights') : LATER_HIGHLIGHT_NAME, value: `${mentionOf(win.userId, tr)}: ${publicMemberText(win.text)}` }));
}

/** A paragraph in the reader's language; the week's encouragement lines share one. */
export function recapLineText(line: RecapLine, tr: Translator): string {
  return line.kind === 'said' ? tr.say(line.message) : line.ids.map((id) => tr.t(`encouragement.${id}`)).join('\n');
}

/**
 * The recap as one Discord message: an embed with the week, highlights and archive; partners ping in
 * the content (pings in embeds never notify). Nothing pings but them (`allowed_mentions.parse` is empty).
 */
export function renderRecap(content: RecapContent, tr: Translator = english): OutgoingMessage {
  const fields = highlightFields(content.highlights, tr);
  if (content.archive !== undefined) {
    fields.push({ name: tr.t('recap.archive'), value: `${tr.say(archiveIntroOf(content.archive, mentionOf(content.archive.userId, tr)))}\n> ${publicMemberText(content.archive.text)}` });
  }
  const beatUsual = content.beatUsual !== undefined ? ` ${beatUsualSentence(content.beatUsual, tr)}` : '';
  const together = content.together !== undefined ? [tr.t('recap.together', { text: tr.say(content.together) }) + beatUsual] : [];
  const embed: OutgoingEmbed = {
    title: tr.t('recap.title', { dates: tr.dateSpan(content.firstDay, content.lastDay) }),
    description: [...together, ...content.lines.map((line) => recapLineText(line, tr)), ...(content.late ? [tr.t('recap.late')] : [])].join('\n\n'),
    color: palette.embed,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: tr.t('recap.footer') },
  };
  const partners = partnersSection(content.partnerGroups, tr);
  return {
    ...(partners !== undefined ? { content: partners.content } : {}),
    embeds: [embed],
    allowed_mentions: { parse: [], ...(partners !== undefined && partners.users.length > 0 ? { users: partners.users } : {}) },
  };
}

/** The message with the recap's marker (its dates) in its first embed's footer (or, without embeds, in small text). */
export function withRecapMarker(message: OutgoingMessage, span: MarkedSpan): OutgoingMessage {
  const marker = recapMarker(span);
  const [first, ...rest] = message.embeds ?? [];
  if (!first) return { ...message, content: message.content ? `${message.content}\n-# ${marker}` : `-# ${marker}` };
  if (first.footer?.text.includes(marker)) return message;
  const footer = first.footer?.text ? `${first.footer.text}\n${marker}` : marker;
  return { ...message, embeds: [{ ...first, footer: { text: footer } }, ...rest] };
}

/** The recap exactly as posted: rendered and marked with its dates, so a re-post can be recognised. */
export function renderRecapPost(content: RecapContent, tr: Translator = english): OutgoingMessage {
  return withRecapMarker(renderRecap(content, tr), content);
}
