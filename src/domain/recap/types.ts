import type { Msg } from '../message.js';
import type { Streaks } from '../streaks.js';
import type { LocalDate } from '../time.js';

/** A public win that may be shown in a recap (private wins never reach this type). */
export interface RecapWin {
  id: number;
  userId: string;
  text: string;
  occurredAt: Date;
}

/** Everything the weekly recap of one server is made from; gathered by the job, composed purely. */
export interface RecapWeekData {
  /** The first and last dates the recap names, in the server's timezone ("30 Nov – 6 Dec"). */
  firstDay: LocalDate;
  lastDay: LocalDate;
  timezone: string;
  /** Members with at least one public win this week, and how many public wins in all. */
  memberCount: number;
  winCount: number;
  /** Goals shared with the server whose period ended this week and was met; only the number is shown. */
  goalsMet: number;
  /** The week's public wins: highlights are drawn from these, at random among members. */
  publicWins: readonly RecapWin[];
  /** A public win from the same dates a year ago, a month ago, or further back. */
  archive: { win: RecapWin; kind: 'year' | 'month' | 'older' } | undefined;
  /** Public win counts of the previous weeks, newest first (for busy / quiet / comeback). */
  previousWeekCounts: readonly number[];
  /** True until a recap was posted after public wins: the server's first week with wins (an empty first post does not count). */
  firstRecap: boolean;
  /** Members whose very first win here was this week. */
  firstTimers: number;
  /** This week's partner groups (pairs, or a trio), each member listed by id; empty when check-ins are off. */
  partnerGroups: readonly (readonly string[])[];
  /** Set when the recap goes out late after downtime: how late, in minutes. */
  lateByMinutes?: number;
  /** How many members beat their own usual week, when it may be said (see beat-usual.ts). */
  beatUsual?: number;
}

/** A win as a recap shows it: whose, and their words already shortened to fit. */
export interface ShownWin {
  userId: string;
  text: string;
}

/**
 * What one server's weekly recap says (SPEC §4), with no Discord syntax: the renderer turns it into
 * a message, so the same content can feed a channel post, a preview, the console or a web page.
 */
export interface RecapContent {
  firstDay: LocalDate;
  lastDay: LocalDate;
  /** "2 members logged 4 wins this week…": absent in a span without public wins. */
  together: Msg | undefined;
  /** The paragraphs after it, plain words (no markup): encouragement, an invitation, quiet goals. */
  lines: RecapLine[];
  /** The recap went out late after downtime: a short note says so. */
  late: boolean;
  /** "N members beat their own usual week": a number, never names; absent when it would single anyone out. */
  beatUsual?: number;
  /** Chosen among members (SPEC §4); empty in a week without public wins. */
  highlights: ShownWin[];
  /** A win from the past, with the local date it was logged on; `oneWeek` when the recap covers one week ("a year ago this week"). */
  archive: (ShownWin & { kind: 'year' | 'month' | 'older'; date: LocalDate; oneWeek?: boolean }) | undefined;
  /** This week's partner groups, member ids. */
  partnerGroups: string[][];
  /** Ids of the past wins shown (the archive), remembered so a member's DM does not show the same one. */
  shownWinIds: number[];
  /** Encouragement lines used, to be recorded so they are not repeated within 8 weeks. */
  lineIds: string[];
}

/** A paragraph of the recap: the week's encouragement lines (by bank id, one paragraph), or a message. */
export type RecapLine = { kind: 'encouragement'; ids: string[] } | { kind: 'said'; message: Msg };

/** A member's own week, for the personal recap by DM. */
export interface PersonalWeekData {
  weekStart: LocalDate;
  timezone: string;
  winsThisWeek: number;
  /** Average of the 4 weeks before; undefined when there is no history yet. */
  usualWeek: number | undefined;
  /** The weekly streak as of the moment the DM is composed: what `/progress` says at that moment. */
  streaks: Streaks;
  pausedNow: boolean;
  /** Whether the member's own week has ended (in their timezone): if not, its figures are "so far" (SPEC §4). */
  weekOver: boolean;
  /** Whether any pause touched the member's week (as the goal lines ask, `pausedDuring`): such a week is never judged (SPEC §4). Absent: none did. */
  weekPaused?: boolean;
  goals: readonly {
    title: string;
    target: number;
    count: number;
    period: 'week' | 'month';
    /** Which period the figures belong to: "this week", "in March". */
    periodWords: Msg;
    /** Met; missed; still running for the member ("so far"); or missed while partly on pause (never judged). */
    outcome: 'met' | 'missed' | 'so-far' | 'paused';
    /** A smaller target to offer after three misses running (SPEC §1.6). */
    smallerOffer: number | undefined;
  }[];
  /** One of their own wins from at least a few weeks ago. */
  oldWin: { text: string; occurredAt: Date } | undefined;
}

/** What a member's personal recap says, with no Discord syntax. */
export interface PersonalRecapContent {
  weekStart: LocalDate;
  /** The week against their usual one, their streak, a closing line. */
  lines: Msg[];
  /** One line per goal whose period ended this week. */
  goalLines: Msg[];
  oldWin: { text: string; date: LocalDate } | undefined;
  /** Their partners for the week ahead, member ids, when the server's recap could not announce them; else empty. */
  partners: string[];
}
