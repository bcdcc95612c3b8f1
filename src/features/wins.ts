import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { isUniqueViolation, OutcomeUnknownError } from '../db/errors.js';
import { findActiveGoalByInput } from '../db/goals.js';
import type { MemberKey } from '../db/members.js';
import { timezoneOf } from './member-time.js';
import { recordMemberWin } from '../db/record-win.js';
import { celebrationOf, isCurrentPeriod, type WinCelebrationContent } from '../domain/celebrate.js';
import type { FloodGuard } from '../domain/flood.js';
import { daysBetween, localDateOf } from '../domain/time.js';
import { BACKDATE_MAX_DAYS, parseWinDay, parseWinText, type InputProblem } from '../domain/win-input.js';

/** The parts logging a win needs; every one is built once in the composition root. */
export interface WinDeps {
  db: Db;
  clock: Clock;
  flood: FloodGuard;
}

/** Where a win comes from: `/win`'s options, or a message the member wrote ("Log as my win"). */
export type WinSource =
  | { kind: 'command'; text: string | null; isPrivate: boolean; when: string | null; goal: string | null }
  | { kind: 'message'; message: { id: string; authorId: string; content: string; createdAt: Date } };

export interface LogWinRequest {
  /** The member's and the server's Discord languages, remembered as the win is written (one round trip). */
  locales?: { member: string | null; guild: string | null } | undefined;
  key: MemberKey;
  /** The channel the reply would celebrate in; none outside a channel. */
  channelId: string | undefined;
  /** Discord's interaction id: a second delivery of one interaction stores nothing new. */
  interactionId: string;
  source: WinSource;
}

/** Why a win was not logged, as data; each adapter says it in its own words. `typed` is given back. */
export type WinRefusal =
  | (InputProblem & { typed?: string | undefined })
  | { problem: 'goal-not-found' }
  | { problem: 'slow-down'; typed?: string | undefined }
  | { problem: 'outcome-unknown' }
  | { problem: 'not-own-message' }
  | { problem: 'message-empty' }
  | { problem: 'message-too-long'; length: number; max: number; typed: string }
  | { problem: 'already-logged' }
  | { problem: 'message-too-old'; maxDays: number };

export interface LoggedWin {
  winId: number;
  celebration: WinCelebrationContent;
  /** 'public': celebrate in the channel; 'private': a private win; 'quiet': public, but answered only to the member (flood limits). */
  shown: 'public' | 'private' | 'quiet';
}

export type LogWinResult = { ok: true; logged: LoggedWin } | { ok: false; refusal: WinRefusal };

const refused = (refusal: WinRefusal): LogWinResult => ({ ok: false, refusal });

/** What is known about the win before it is written, or why it cannot be. */
type Prepared =
  | { ok: true; text: string; isPrivate: boolean; occurredAt: Date; daysAgo: number; timezone: string | undefined; goal?: { id: number; title: string; share: string } | undefined; typed?: string | undefined }
  | { ok: false; refusal: WinRefusal };

async function prepareCommand(deps: WinDeps, key: MemberKey, source: Extract<WinSource, { kind: 'command' }>, now: Date): Promise<Prepared> {
  const text = parseWinText(source.text);
  // eslint-disable-next-line no-restricted-syntax -- a refusal, not the path of a saved win
  if (!text.ok) return { ok: false, refusal: { ...text, typed: source.text ?? undefined } };
  // The plain case is one statement (it learns the timezone as it writes); a back-dated day needs
  // the timezone first, and a goal given by name needs its lookup.
  const timezone = source.when ? await timezoneOf(deps.db, key) : undefined;
  const day = timezone === undefined ? { ok: true as const, value: { occurredAt: now, daysAgo: 0 } } : parseWinDay(source.when, timezone, now);
  // eslint-disable-next-line no-restricted-syntax -- a refusal, not the path of a saved win
  if (!day.ok) return { ok: false, refusal: { ...day, typed: text.value } };
  const goal = source.goal ? await findActiveGoalByInput(deps.db, key, source.goal) : undefined;
  if (source.goal && !goal) return { ok: false, refusal: { problem: 'goal-not-found' } };
  return { ok: true, text: text.value, isPrivate: source.isPrivate, occurredAt: day.value.occurredAt, daysAgo: day.value.daysAgo, timezone, goal, typed: text.value };
}

async function prepareMessage(deps: WinDeps, key: MemberKey, source: Extract<WinSource, { kind: 'message' }>, now: Date): Promise<Prepared> {
  const { message } = source;
  if (message.authorId !== key.userId) return { ok: false, refusal: { problem: 'not-own-message' } };
  const text = parseWinText(message.content);
  if (!text.ok) {
    if (text.problem !== 'text-too-long') return { ok: false, refusal: { problem: 'message-empty' } };
    return { ok: false, refusal: { problem: 'message-too-long', length: text.length, max: text.max, typed: message.content } };
  }
  // A message cannot be from the future; a clock a little ahead of Discord's must not make it so.
  const occurredAt = new Date(Math.min(message.createdAt.getTime(), now.getTime()));
  const timezone = await timezoneOf(deps.db, key);
  const daysAgo = daysBetween(localDateOf(timezone, occurredAt), localDateOf(timezone, now));
  if (daysAgo > BACKDATE_MAX_DAYS) return { ok: false, refusal: { problem: 'message-too-old', maxDays: BACKDATE_MAX_DAYS } };
  return { ok: true, text: text.value, isPrivate: false, occurredAt, daysAgo, timezone };
}

/**
 * The one end of a win, shared by `/win` and "Log as my win": validates, applies the flood limits
 * (SPEC §7: past a burst nothing is written; past a few public posts, celebrated privately), stores
 * it, and says what the celebration tells and to whom. A public win keeps its channel, so deleting it
 * later finds the celebration there by the interaction's id.
 */
export async function logWin(deps: WinDeps, request: LogWinRequest): Promise<LogWinResult> {
  const { key, source } = request;
  const now = deps.clock.now();
  const prepared = source.kind === 'command' ? await prepareCommand(deps, key, source, now) : await prepareMessage(deps, key, source, now);
  if (!prepared.ok) return prepared;
  const verdict = deps.flood.judge(key, request.channelId, !prepared.isPrivate, now);
  if (verdict === 'slow-down') return refused({ problem: 'slow-down', typed: prepared.typed });
  const shown = prepared.isPrivate ? 'private' : verdict === 'private' ? 'quiet' : 'public';
  // Field by field, not `{ ...key, text }`: on Node 20 (V8 11) a spread followed by a property gets a hidden class of its own every time.
  const input = {
    guildId: key.guildId,
    userId: key.userId,
    source: source.kind === 'message' ? ('message' as const) : undefined,
    sourceMessageId: source.kind === 'message' ? source.message.id : undefined,
    text: prepared.text,
    isPrivate: prepared.isPrivate,
    occurredAt: prepared.occurredAt,
    interactionId: request.interactionId,
    celebrationChannelId: shown === 'public' ? (request.channelId ?? null) : null,
    goalId: prepared.goal?.id,
    timezone: prepared.timezone,
    locales: request.locales,
  };
  let saved;
  try {
    saved = await recordMemberWin(deps.db, input, now);
  } catch (error) {
    // The unique (server, message) index settles double logging, races included.
    if (source.kind === 'message' && isUniqueViolation(error)) return refused({ problem: 'already-logged' });
    if (error instanceof OutcomeUnknownError) return refused({ problem: 'outcome-unknown' });
    throw error;
  }
  const goal = prepared.goal;
  const goalPeriod = saved.counts.goal?.period === 'month' ? saved.ranges.month : saved.ranges.week;
  const celebration = celebrationOf({
    win: { id: saved.id, userId: key.userId, text: prepared.text, isPrivate: prepared.isPrivate },
    counts: saved.counts,
    daysAgo: prepared.daysAgo,
    weekIsCurrent: isCurrentPeriod(saved.ranges.week, now),
    goal: goal && { title: goal.title, share: goal.share, periodIsCurrent: isCurrentPeriod(goalPeriod, now) },
  });
  return { ok: true, logged: { winId: saved.id, celebration, shown } };
}

