import { recapMarker, type MarkedSpan } from '../../domain/recap-marker.js';
import { archiveIntroOf } from '../../domain/recap/text.js';
import { formatDateSpan } from '../../domain/date-format.js';
import type { RecapContent } from '../../domain/recap/types.js';
import { mentionOf, type OutgoingEmbed, type OutgoingField, type OutgoingMessage } from './outgoing.js';
import { partnersSection } from './recap-partners.js';
import { palette } from './palette.js';

const FOOTER = 'Every size counts, and the only comparison here is with your own past. 🌱';
// Discord drops fields with an empty name; later highlights carry a small visible mark, not an invisible gap.
const LATER_HIGHLIGHT_NAME = '✨';
const LATE_NOTE = '*Posted a little late: I was offline for a while.*';

/** Said after "Together" (SPEC §13): each member against their own past, as a number only. */
export const beatUsualSentence = (n: number): string => `${n} members beat their own usual week. 🌱`;

// Each highlight is its own field so unclosed markdown in one member's text cannot spill into the next.
function highlightFields(highlights: RecapContent['highlights']): OutgoingField[] {
  return highlights.map((win, i) => ({ name: i === 0 ? 'Highlights ✨' : LATER_HIGHLIGHT_NAME, value: `${mentionOf(win.userId)}: ${win.text}` }));
}

/**
 * The recap as one Discord message: an embed with the week, highlights and archive; partners ping in
 * the content (pings in embeds never notify). Nothing pings but them (`allowed_mentions.parse` is empty).
 */
export function renderRecap(content: RecapContent): OutgoingMessage {
  const fields = highlightFields(content.highlights);
  if (content.archive !== undefined) fields.push({ name: 'From the archive 📜', value: `${archiveIntroOf(content.archive, mentionOf(content.archive.userId))}\n> ${content.archive.text}` });
  const embed: OutgoingEmbed = {
    title: `Small wins, ${formatDateSpan(content.firstDay, content.lastDay)}`,
    description: [
      ...(content.together !== undefined ? [`**Together**: ${content.together}${content.beatUsual !== undefined ? ` ${beatUsualSentence(content.beatUsual)}` : ''}`] : []),
      ...content.lines, ...(content.late ? [LATE_NOTE] : [])].join('\n\n'),
    color: palette.embed,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: FOOTER },
  };
  const partners = partnersSection(content.partnerGroups);
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
export function renderRecapPost(content: RecapContent): OutgoingMessage {
  return withRecapMarker(renderRecap(content), content);
}
