import { isWinPeriod, type WinPeriod } from '../domain/win-pages.js';

/**
 * The one codec for button custom ids: `<command>:<action>:<fields…>`. Every id the bot draws is
 * built here and every click is read here, once, by the router; the command gets the decoded value.
 * An id carries its owner and state so any process can answer the click (Discord allows 100 characters).
 */
export type ComponentId =
  | { command: 'wins'; action: 'page'; ownerId: string; period: WinPeriod; page: number }
  | { command: 'wins'; action: 'del' | 'sure'; ownerId: string; winId: number; period: WinPeriod; page: number }
  | { command: 'goal'; action: 'accept'; ownerId: string; goalId: number; to: number }
  | { command: 'goal'; action: 'decline'; ownerId: string; goalId: number }
  /** From a plan reminder DM: a click there carries no guild, so it travels along. */
  | { command: 'goal'; action: 'quiet'; ownerId: string; goalId: number; guildId: string }
  /** From a fresh-start DM: sets one small goal in the server it came from. */
  | { command: 'goal'; action: 'fresh'; ownerId: string; guildId: string }
  /** `guildId` travels along because a click in a DM carries none; ids made before it had none. */
  | { command: 'checkin'; action: 'cheer'; authorId: string; week: string; guildId: string | undefined }
  | { command: 'privacy'; action: 'delete' | 'cancel'; ownerId: string }
  /** The streak repair /progress offers: the empty week's Monday. */
  | { command: 'progress'; action: 'repair'; ownerId: string; weekStart: string };

/** The decoded ids one command receives. */
export type ComponentIdOf<C extends ComponentId['command']> = Extract<ComponentId, { command: C }>;

export type WinListId = ComponentIdOf<'wins'>;

export const componentIds = {
  winsPage: (ownerId: string, period: WinPeriod, page: number) => `wins:page:${ownerId}:${period}:${page}`,
  winsDelete: (ownerId: string, winId: number, period: WinPeriod, page: number) => `wins:del:${ownerId}:${winId}:${period}:${page}`,
  /** The confirm click: only this one deletes. */
  winsSure: (ownerId: string, winId: number, period: WinPeriod, page: number) => `wins:sure:${ownerId}:${winId}:${period}:${page}`,
  goalAccept: (ownerId: string, goalId: number, to: number) => `goal:accept:${ownerId}:${goalId}:${to}`,
  goalDecline: (ownerId: string, goalId: number) => `goal:decline:${ownerId}:${goalId}`,
  freshStartGoal: (to: { guildId: string; userId: string }) => `goal:fresh:${to.userId}:${to.guildId}`,
  planQuiet: (goal: { id: number; guildId: string; userId: string }) => `goal:quiet:${goal.userId}:${goal.id}:${goal.guildId}`,
  cheer: (author: { guildId: string; userId: string }, week: string) => `checkin:cheer:${author.userId}:${week}:${author.guildId}`,
  streakRepair: (ownerId: string, weekStart: string) => `progress:repair:${ownerId}:${weekStart}`,
  privacyDelete: (ownerId: string) => `privacy:delete:${ownerId}`,
  privacyCancel: (ownerId: string) => `privacy:cancel:${ownerId}`,
};

const SNOWFLAKE = /^\d{1,20}$/;
const POSITIVE = /^[1-9]\d{0,14}$/;
const WEEK_KEY = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

const snowflake = (value: string | undefined): string | undefined => (value !== undefined && SNOWFLAKE.test(value) ? value : undefined);
const positive = (value: string | undefined): number | undefined => (value !== undefined && POSITIVE.test(value) ? Number(value) : undefined);

/** The command a custom id belongs to (its first field), for routing and the log line. */
export const componentCommandOf = (customId: string): string => customId.split(':', 1)[0] ?? '';

/** Reads a custom id made by {@link componentIds}; undefined for anything malformed or forged. */
export function parseComponentId(customId: string): ComponentId | undefined {
  const [command, action, ...fields] = customId.split(':');
  switch (`${command}:${action}:${fields.length}`) {
    case 'wins:page:3': {
      const [ownerId, period, page] = [snowflake(fields[0]), fields[1], positive(fields[2])];
      return ownerId && isWinPeriod(period) && page ? { command: 'wins', action: 'page', ownerId, period, page } : undefined;
    }
    case 'wins:del:4':
    case 'wins:sure:4': {
      const [ownerId, winId, period, page] = [snowflake(fields[0]), positive(fields[1]), fields[2], positive(fields[3])];
      if (!ownerId || !winId || !isWinPeriod(period) || !page) return undefined;
      return { command: 'wins', action: action === 'sure' ? 'sure' : 'del', ownerId, winId, period, page };
    }
    case 'goal:accept:3': {
      const [ownerId, goalId, to] = [snowflake(fields[0]), positive(fields[1]), positive(fields[2])];
      return ownerId && goalId && to ? { command: 'goal', action: 'accept', ownerId, goalId, to } : undefined;
    }
    case 'goal:decline:2': {
      const [ownerId, goalId] = [snowflake(fields[0]), positive(fields[1])];
      return ownerId && goalId ? { command: 'goal', action: 'decline', ownerId, goalId } : undefined;
    }
    case 'goal:quiet:3': {
      const [ownerId, goalId, guildId] = [snowflake(fields[0]), positive(fields[1]), snowflake(fields[2])];
      return ownerId && goalId && guildId ? { command: 'goal', action: 'quiet', ownerId, goalId, guildId } : undefined;
    }
    case 'goal:fresh:2': {
      const [ownerId, guildId] = [snowflake(fields[0]), snowflake(fields[1])];
      return ownerId && guildId ? { command: 'goal', action: 'fresh', ownerId, guildId } : undefined;
    }
    case 'checkin:cheer:2':
    case 'checkin:cheer:3': {
      const [authorId, week, guildId] = [snowflake(fields[0]), fields[1] ?? '', snowflake(fields[2])];
      if (!authorId || !WEEK_KEY.test(week) || (fields.length === 3 && !guildId)) return undefined;
      return { command: 'checkin', action: 'cheer', authorId, week, guildId };
    }
    case 'progress:repair:2': {
      const [ownerId, weekStart] = [snowflake(fields[0]), fields[1] ?? ''];
      return ownerId && /^\d{4}-\d{2}-\d{2}$/.test(weekStart) ? { command: 'progress', action: 'repair', ownerId, weekStart } : undefined;
    }
    case 'privacy:delete:1':
    case 'privacy:cancel:1': {
      const ownerId = snowflake(fields[0]);
      return ownerId ? { command: 'privacy', action: action === 'delete' ? 'delete' : 'cancel', ownerId } : undefined;
    }
    default:
      return undefined;
  }
}
