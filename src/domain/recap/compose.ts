import { localDateOf } from '../time.js';
import { pickHighlights } from './highlights.js';
import { partnersSection } from './partners.js';
import { chooseEncouragement, recapSituations } from './situation.js';
import { countOf, formatLongDate, mentionOf, shownText } from './text.js';
import type { ComposedRecap, OutgoingMessage, RecapWeekData, RecapWin } from './types.js';

export const RECAP_COLOUR = 0x57f287;
/** A highlight's text, "…" included; five of them keep the embed far below Discord's 6000. */
export const HIGHLIGHT_TEXT_MAX = 200;
export const ARCHIVE_TEXT_MAX = 300;

const FOOTER = 'Every size counts, and the only comparison here is with your own past. 🌱';
const EMPTY_INVITATION = 'Whenever you’re ready, `/win` and a few words is all it takes. One small thing is plenty. 🌱';
const LATE_NOTE = '*Posted a little late: I was offline for a while.*';
// Discord drops fields with an empty name; a zero-width space keeps each highlight its own field.
const BLANK_NAME = '\u200b';

type Embed = NonNullable<OutgoingMessage['embeds']>[number];
type Field = NonNullable<Embed['fields']>[number];

export interface RecapOptions {
  random: () => number;
  /** Encouragement lines used in this server in the last 8 weeks. */
  recentLineIds: ReadonlySet<string>;
}

function goalsMetPhrase(goalsMet: number): string {
  return `${countOf(goalsMet, 'goal')} ${Math.floor(goalsMet) === 1 ? 'was' : 'were'} met`;
}

function togetherLine(data: RecapWeekData): string {
  const who = data.memberCount > 0 ? countOf(data.memberCount, 'member') : 'Members';
  const goals = data.goalsMet >= 1 ? `, and ${goalsMetPhrase(data.goalsMet)}` : '';
  return `**Together**: ${who} logged ${countOf(data.winCount, 'win')} this week${goals}.`;
}

// Goals can be met with private wins, so a week without shared wins may still have some.
function quietGoalsLine(goalsMet: number): string {
  return `Quietly, ${goalsMetPhrase(goalsMet)} this week. 🌿`;
}

// Each highlight is its own field so unclosed markdown in one member's text cannot spill into the next.
function highlightFields(wins: readonly RecapWin[]): Field[] {
  return wins.map((win, i) => ({
    name: i === 0 ? 'Highlights ✨' : BLANK_NAME,
    value: `${mentionOf(win.userId)}: ${shownText(win.text, HIGHLIGHT_TEXT_MAX)}`,
  }));
}

function archiveIntro(archive: NonNullable<RecapWeekData['archive']>, timezone: string): string {
  const who = mentionOf(archive.win.userId);
  switch (archive.kind) {
    case 'year':
      return `A year ago this week, ${who} logged:`;
    case 'month':
      return `A month ago, ${who} logged:`;
    case 'older':
      return `From the archive: on ${formatLongDate(localDateOf(timezone, archive.win.occurredAt))}, ${who} logged:`;
  }
}

function archiveField(archive: NonNullable<RecapWeekData['archive']>, timezone: string): Field {
  return {
    name: 'From the archive 📜',
    value: `${archiveIntro(archive, timezone)}\n> ${shownText(archive.win.text, ARCHIVE_TEXT_MAX)}`,
  };
}

/**
 * The weekly recap of one server (SPEC §4) as one message: an embed with the week together,
 * highlights chosen among members, an archive win and encouragement; partners ping in the content.
 * Nothing pings but the paired members (`allowed_mentions.parse` is empty).
 */
export function composeRecap(data: RecapWeekData, options: RecapOptions): ComposedRecap {
  const lines = chooseEncouragement(recapSituations(data), options.recentLineIds, options.random);
  const encouragement = lines.map((line) => line.text).join('\n');
  const hasWins = data.winCount > 0;
  const description = [
    hasWins ? togetherLine(data) : encouragement,
    hasWins ? encouragement : EMPTY_INVITATION,
    ...(!hasWins && data.goalsMet >= 1 ? [quietGoalsLine(data.goalsMet)] : []),
    ...(data.lateByMinutes !== undefined && data.lateByMinutes > 0 ? [LATE_NOTE] : []),
  ].filter((part) => part !== '');
  const fields = hasWins ? highlightFields(pickHighlights(data.publicWins, options.random)) : [];
  if (data.archive !== undefined) fields.push(archiveField(data.archive, data.timezone));

  const embed: Embed = {
    title: `Week of ${formatLongDate(data.weekStart)}`,
    description: description.join('\n\n'),
    color: RECAP_COLOUR,
    ...(fields.length > 0 ? { fields } : {}),
    footer: { text: FOOTER },
  };
  const partners = partnersSection(data.partnerGroups);
  const message: OutgoingMessage = {
    ...(partners !== undefined ? { content: partners.content } : {}),
    embeds: [embed],
    allowed_mentions: { parse: [], ...(partners !== undefined && partners.users.length > 0 ? { users: partners.users } : {}) },
  };
  return { message, lineIds: lines.map((line) => line.id) };
}
