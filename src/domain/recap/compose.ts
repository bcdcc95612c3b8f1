import { localDateOf } from '../time.js';
import { pickHighlights } from './highlights.js';
import { chooseEncouragement, recapSituations } from './situation.js';
import { msg, type Msg } from '../message.js';
import { daysNamed, shownText, spanPhrase, wholeCount } from './text.js';
import type { RecapContent, RecapLine, RecapWeekData } from './types.js';

/** A highlight's text, "…" included; five of them keep the message far below Discord's limits. */
export const HIGHLIGHT_TEXT_MAX = 200;
export const ARCHIVE_TEXT_MAX = 300;


export interface RecapOptions {
  random: () => number;
  /** Encouragement lines used in this server in the last 8 weeks. */
  recentLineIds: ReadonlySet<string>;
}

function togetherLine(data: RecapWeekData, span: Msg): Msg {
  return msg('recap.together.text', { members: data.memberCount > 0 ? wholeCount(data.memberCount) : 0, wins: wholeCount(data.winCount), span, goals: wholeCount(data.goalsMet) });
}

// Goals can be met with private wins, so a week without shared wins may still have some.
function quietGoalsLine(goalsMet: number, span: Msg): Msg {
  return msg('recap.quietGoals', { goals: wholeCount(goalsMet), span });
}

/**
 * What the weekly recap of one server says (SPEC §4): the week together, highlights chosen among
 * members, an archive win, encouragement, and the week's partners. Plain content: see render/recap.
 */
export function composeRecap(data: RecapWeekData, options: RecapOptions): RecapContent {
  const span = spanPhrase(data.firstDay, data.lastDay);
  const oneWeek = daysNamed(data.firstDay, data.lastDay) <= 7;
  const chosen = chooseEncouragement(recapSituations(data), options.recentLineIds, options.random, { oneWeek });
  const hasWins = data.winCount > 0;
  const lines: RecapLine[] = [
    ...(chosen.length > 0 ? [{ kind: 'encouragement' as const, ids: chosen.map((line) => line.id) }] : []),
    ...(hasWins ? [] : [{ kind: 'said' as const, message: msg('recap.invitation') }]),
    ...(!hasWins && data.goalsMet >= 1 ? [{ kind: 'said' as const, message: quietGoalsLine(data.goalsMet, span) }] : []),
  ];
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
          // For archiveIntroOf: "a year ago this week" only when the recap covers one week (SPEC §4).
          oneWeek,
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
