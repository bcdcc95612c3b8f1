import { formatDayMonthYear } from '../../domain/date-format.js';
import type { PersonalRecapContent } from '../../domain/recap/types.js';
import { mentionOf, type OutgoingField, type OutgoingMessage } from './outgoing.js';
import { palette } from './palette.js';

// Below Discord's 1024 per field value, with room for the closing note.
const GOALS_VALUE_MAX = 1000;
const FOOTER = 'Only you get this, and it only ever compares you with you. Turn it off with /settings dms:false.';

function goalsValue(goalLines: readonly string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const [i, line] of goalLines.entries()) {
    const rest = goalLines.length - i;
    const note = `…and ${rest} more in \`/goal list\`.`;
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

/** The personal recap as a DM: one embed, pinging nobody. */
export function renderPersonalRecap(content: PersonalRecapContent): OutgoingMessage {
  const fields: OutgoingField[] = [];
  if (content.goalLines.length > 0) fields.push({ name: 'Your goals', value: goalsValue(content.goalLines) });
  if (content.partners.length > 0) {
    // Only when the server's recap could not announce them; mentions in a DM ping nobody (`parse` is empty).
    fields.push({ name: 'Your partners this week 🤝', value: `${content.partners.map(mentionOf).join(' & ')}: say hello, and \`/checkin\` whenever you're ready.` });
  }
  if (content.oldWin !== undefined) {
    fields.push({ name: 'Remember this? 🌱', value: `On ${formatDayMonthYear(content.oldWin.date)} you logged:\n> ${content.oldWin.text}` });
  }
  return {
    embeds: [
      {
        title: `Your week of ${formatDayMonthYear(content.weekStart)}`,
        description: content.lines.join('\n\n'),
        color: palette.embed,
        ...(fields.length > 0 ? { fields } : {}),
        footer: { text: FOOTER },
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
