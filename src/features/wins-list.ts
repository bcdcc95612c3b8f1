import type { Db } from '../db/client.js';
import type { MemberKey } from '../db/members.js';
import { timezoneOf } from './member-time.js';
import type { Win } from '../db/schema.js';
import { editMemberWinText, findMemberWin, searchMemberWins, type WinFilter } from '../db/web-wins.js';
import { deleteMemberWin } from '../db/win-list.js';
import type { Clock } from '../clock.js';
import { clampPage, pageCount, periodRange, type WinPeriod } from '../domain/win-pages.js';
import { parseWinText, type InputProblem } from '../domain/win-input.js';

/** What reading and changing a member's own wins needs. */
export interface OwnWinsDeps {
  db: Db;
  clock: Clock;
}

export interface WinListQuery extends Omit<WinFilter, 'range'> {
  /** The member's current week or month, or all time. */
  period: WinPeriod;
  page: number;
  perPage: number;
}

export interface WinList {
  wins: Win[];
  total: number;
  /** The page shown: the last one when the list has shrunk past the one asked for. */
  page: number;
  pages: number;
  perPage: number;
  timezone: string;
}

/** One page of the member's own wins, newest first (`/wins` and the web list alike). */
export async function listWins(deps: Pick<OwnWinsDeps, 'db' | 'clock'>, key: MemberKey, query: WinListQuery): Promise<WinList> {
  const { period, page, perPage, ...filter } = query;
  const timezone = await timezoneOf(deps.db, key);
  const range = periodRange(period, timezone, deps.clock.now());
  const fetchPage = (p: number) => searchMemberWins(deps.db, key, { ...filter, range }, { offset: (p - 1) * perPage, limit: perPage });
  let shown = clampPage(page, Number.MAX_SAFE_INTEGER);
  let result = await fetchPage(shown);
  const pages = pageCount(result.total, perPage);
  if (shown > pages) {
    shown = pages;
    result = await fetchPage(shown);
  }
  return { wins: result.wins, total: result.total, page: shown, pages, perPage, timezone };
}

/** The member's own win with whether it was celebrated in public, or undefined when none of theirs has that id. */
export async function ownWin(deps: Pick<OwnWinsDeps, 'db'>, key: MemberKey, winId: number): Promise<(Win & { celebrated: boolean; timezone: string }) | undefined> {
  const [win, timezone] = await Promise.all([findMemberWin(deps.db, key, winId), timezoneOf(deps.db, key)]);
  return win && { ...win, celebrated: win.celebrationChannelId !== null, timezone };
}

/** What became of a deleted win's public celebration: the one answer every surface words. */
export type Removal = 'removed' | 'already-gone' | 'not-allowed';

/**
 * Where a win was celebrated in public: its channel, and the interaction whose answer it was (the
 * adapter finds the message by it), or the message itself for wins noted that way before.
 */
export interface CelebrationPlace {
  channelId: string;
  messageId: string | null;
  interactionId: string | null;
}

export type DeletedWin =
  | { deleted: false }
  /** `removal` is absent when the win was never celebrated in public. */
  | { deleted: true; text: string; celebration?: { channelId: string; removal: Removal } | undefined };

/**
 * Deletes the member's own win and, as everywhere, its public celebration with it. `removeCelebration`
 * is the adapter's way to find and delete that message of the bot's.
 */
export async function deleteWin(
  deps: Pick<OwnWinsDeps, 'db'> & { removeCelebration(place: CelebrationPlace): Promise<Removal> },
  key: MemberKey,
  winId: number,
): Promise<DeletedWin> {
  const deleted = await deleteMemberWin(deps.db, key, winId);
  if (!deleted) return { deleted: false };
  const { celebrationChannelId: channelId, celebrationMessageId: messageId, interactionId } = deleted;
  if (!channelId || (!messageId && !interactionId)) return { deleted: true, text: deleted.text };
  return { deleted: true, text: deleted.text, celebration: { channelId, removal: await deps.removeCelebration({ channelId, messageId, interactionId }) } };
}

export type EditedWin = { ok: true; win: Win } | { ok: false; problem: 'not-found' } | { ok: false; problem: InputProblem; win: Win };

/** Changes the text of the member's own win, checked as a new win's text is. */
export async function editWin(deps: Pick<OwnWinsDeps, 'db'>, key: MemberKey, winId: number, typed: string): Promise<EditedWin> {
  const parsed = parseWinText(typed);
  if (!parsed.ok) {
    const win = await findMemberWin(deps.db, key, winId);
    return win ? { ok: false, problem: parsed, win } : { ok: false, problem: 'not-found' };
  }
  const saved = await editMemberWinText(deps.db, key, winId, parsed.value);
  return saved ? { ok: true, win: saved } : { ok: false, problem: 'not-found' };
}
