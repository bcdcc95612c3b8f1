import type { PersonalRecapContent } from '../../domain/recap/types.js';
import { english, type Translator } from '../../i18n/index.js';
import { mentionOf, type OutgoingField, type OutgoingMessage } from './outgoing.js';
import { palette } from './palette.js';

// Below Discord's 1024 per field value, with room for the closing note.
const GOALS_VALUE_MAX = 1000;

function goalsValue(goalLines: readonly string[], tr: Translator): string {
  const shown: string[] = [];
  let length = 0;
  for (const [i, line] of goalLines.entries()) {
    const rest = goalLines.length - i;
    const note = tr.t('dm.goals.more', { count: rest });
    // Keep room for the note whenever more goals follow this one.
    const reserve = rest > 1 ? note.length + 2 : 0;
    if (length + line.length + 2 + reserve > GOALS_VALUE_MAX) {
      shown.push(note);
      break;
    }
    shown.push(line);
    length += line.length + 2;
  }
  return shown.join('\n\n');
}

/** The personal recap as a DM, in the member's language: one embed, pinging nobody. */
export function renderPersonalRecap(content: PersonalRecapContent, tr: Translator = english): OutgoingMessage {
  const fields: OutgoingField[] = [];
  if (content.goalLines.length > 0) fields.push({ name: tr.t('dm.goals'), value: goalsValue(content.goalLines.map(tr.say), tr) });
  if (content.partners.length > 0) {
    // Only when the server's recap could not announce them; mentions in a DM ping nobody (`parse` is empty).
    fields.push({ name: tr.t('dm.partners'), value: tr.t('dm.partners.text', { partners: content.partners.map((id) => mentionOf(id, tr)).join(' & ') }) });
  }
  if (content.oldWin !== undefined) {
    fields.push({ name: tr.t('dm.oldWin'), value: `${tr.t('dm.oldWin.text', { date: tr.dayMonthYear(content.oldWin.date) })}\n> ${content.oldWin.text}` });
  }
  return {
    embeds: [
      {
        title: tr.t('dm.title', { date: tr.dayMonthYear(content.weekStart) }),
        description: content.lines.map(tr.say).join('\n\n'),
        color: palette.embed,
        ...(fields.length > 0 ? { fields } : {}),
        footer: { text: tr.t('dm.footer') },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
