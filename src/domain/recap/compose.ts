import { localDateOf } from '../time.js';
import { pickHighlights } from './highlights.js';
import { chooseEncouragement, recapSituations } from './situation.js';
import { countOf, daysNamed, shownText, spanPhrase } from './text.js';
import type { RecapContent, RecapWeekData } from './types.js';

/** A highlight's text, "…" included; five of them keep the message far below Discord's limits. */
export const HIGHLIGHT_TEXT_MAX = 200;
export const ARCHIVE_TEXT_MAX = 300;

const EMPTY_INVITATION = 'Whenever you’re ready, /win and a few words is all it takes. One small thing is plenty. 🌱';

export interface RecapOptions {
  random: () => number;
  /** Encouragement lines used in this server in the last 8 weeks. */
  recentLineIds: ReadonlySet<string>;
}

function goalsMetPhrase(goalsMet: number): string {
  return `${countOf(goalsMet, 'goal')} ${Math.floor(goalsMet) === 1 ? 'was' : 'were'} met`;
}

function togetherLine(data: RecapWeekData, span: string): string {
  const who = data.memberCount > 0 ? countOf(data.memberCount, 'member') : 'Members';
  const goals = data.goalsMet >= 1 ? `, and ${goalsMetPhrase(data.goalsMet)}` : '';
  return `${who} logged ${countOf(data.winCount, 'win')} ${span}${goals}.`;
}

// Goals can be met with private wins, so a week without shared wins may still have some.
function quietGoalsLine(goalsMet: number, span: string): string {
  return `Quietly, ${goalsMetPhrase(goalsMet)} ${span}. 🌿`;
}

/**
 * What the weekly recap of one server says (SPEC §4): the week together, highlights chosen among
 * members, an archive win, encouragement, and the week's partners. Plain content: see render/recap.
 */
export function composeRecap(data: RecapWeekData, options: RecapOptions): RecapContent {
  const span = spanPhrase(data.firstDay, data.lastDay);
  const oneWeek = daysNamed(data.firstDay, data.lastDay) <= 7;
  const chosen = chooseEncouragement(recapSituations(data), options.recentLineIds, options.random, { oneWeek });
  const encouragement = chosen.map((line) => line.text).join('\n');
  const hasWins = data.winCount > 0;
  const lines = [
    encouragement,
    ...(hasWins ? [] : [EMPTY_INVITATION]),
    ...(!hasWins && data.goalsMet >= 1 ? [quietGoalsLine(data.goalsMet, span)] : []),
  ].filter((part) => part !== '');
  const highlights = hasWins
    ? pickHighlights(data.publicWins, options.random).map((win) => ({ userId: win.userId, text: shownText(win.text, HIGHLIGHT_TEXT_MAX) }))
    : [];
  const archive =
    data.archive === undefined
      ? undefined
      : {
          userId: data.archive.win.userId,
          text: shownText(data.archive.win.text, ARCHIVE_TEXT_MAX),
          kind: data.archive.kind,
          date: localDateOf(data.timezone, data.archive.win.occurredAt),
        };
  return {
    firstDay: data.firstDay,
    lastDay: data.lastDay,
    together: hasWins ? togetherLine(data, span) : undefined,
    lines,
    late: data.lateByMinutes !== undefined && data.lateByMinutes > 0,
    ...(hasWins && data.beatUsual !== undefined ? { beatUsual: data.beatUsual } : {}),
    highlights,
    archive,
    partnerGroups: data.partnerGroups.map((group) => [...group]),
    lineIds: chosen.map((line) => line.id),
    shownWinIds: data.archive === undefined ? [] : [data.archive.win.id],
  };
}
