import { FLOOD_LIMITS, judgeWrite, withinWindow, type FloodLimits, type FloodVerdict } from '../domain/flood.js';
import type { Deps } from './command.js';
import { UserFacingError } from './errors.js';

export type { FloodVerdict } from '../domain/flood.js';

interface History {
  writes: number[];
  publicPosts: number[];
}

/**
 * Each member's recent writes, in this process's memory. That is enough: every interaction of one
 * server reaches the one process running its shard, so no other process sees that member's writes.
 * (What must hold across processes, a check-in reaching the partner once a day, is decided in SQL.)
 */
export class FloodGuard {
  readonly #members = new Map<string, { writes: number[]; channels: Map<string, number[]> }>();
  #calls = 0;

  constructor(private readonly limits: FloodLimits = FLOOD_LIMITS) {}

  /** Judges one write now, and remembers it when accepted. No await inside: concurrent calls cannot both slip in. */
  judge(key: { guildId: string; userId: string }, channelId: string | undefined, wantsPublic: boolean, now: Date): FloodVerdict {
    if (++this.#calls % 1024 === 0) this.#forgetQuiet(now.getTime());
    const id = `${key.guildId}:${key.userId}`;
    const member = this.#members.get(id) ?? { writes: [], channels: new Map<string, number[]>() };
    const channel = channelId ?? '';
    const history: History = { writes: member.writes, publicPosts: member.channels.get(channel) ?? [] };
    const { verdict, writes, publicPosts } = judgeWrite(history, now.getTime(), wantsPublic && channelId !== undefined, this.limits);
    member.writes = writes;
    if (publicPosts.length > 0) member.channels.set(channel, publicPosts);
    else member.channels.delete(channel);
    this.#members.set(id, member);
    return verdict;
  }

  /** How many members are remembered (for tests: memory stays bounded). */
  get size(): number {
    return this.#members.size;
  }

  #forgetQuiet(now: number): void {
    for (const [id, member] of this.#members) {
      for (const [channel, times] of member.channels) if (withinWindow(times, now, this.limits.publicPosts).length === 0) member.channels.delete(channel);
      if (member.channels.size === 0 && withinWindow(member.writes, now, this.limits.burst).length === 0) this.#members.delete(id);
    }
  }
}

// One guard per running bot: its Deps object lives as long as the bot does.
const guards = new WeakMap<Deps, FloodGuard>();

export function floodGuardOf(deps: Deps): FloodGuard {
  let guard = guards.get(deps);
  if (!guard) guards.set(deps, (guard = new FloodGuard()));
  return guard;
}

/**
 * Whether a win may be celebrated in `channelId` now: 'public', 'private' (saved, answered only to the
 * member), or 'slow-down' (write nothing; throw `slowDown`). A private win asks with `wantsPublic` false.
 */
export function publicAllowance(deps: Deps, key: { guildId: string; userId: string }, channelId: string | undefined, now: Date, wantsPublic = true): FloodVerdict {
  return floodGuardOf(deps).judge(key, channelId, wantsPublic, now);
}

/** For writes with no public post (a check-in): 'slow-down' or fine. */
export function writeAllowance(deps: Deps, key: { guildId: string; userId: string }, now: Date): 'ok' | 'slow-down' {
  return publicAllowance(deps, key, undefined, now, false) === 'slow-down' ? 'slow-down' : 'ok';
}

export const slowDown = new UserFacingError(
  'slow-down',
  "Whoa, that's a lot at once! 🌱 I didn't save that one — give it half a minute, then try again. Every win still counts.",
);

/** Added to a win answered privately because its author celebrated a lot here just now. */
export const QUIET_CELEBRATION_NOTE =
  "-# Saved and counted! You've shared a lot of wins here in the last few minutes, so I'm celebrating this one just with you, to keep the channel calm.";
