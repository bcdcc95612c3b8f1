/** A sliding window: at most `max` events within `perMs`. */
export interface RateWindow {
  max: number;
  perMs: number;
}

export interface FloodLimits {
  /** Writes of any kind by one member (wins, check-ins); past it, nothing is written. */
  burst: RateWindow;
  /** Public celebrations by one member in one channel; past it, wins are still saved but answered privately. */
  publicPosts: RateWindow;
}

// A person logging real wins stays far below both; a script or a stuck key does not.
export const FLOOD_LIMITS: FloodLimits = {
  burst: { max: 10, perMs: 30_000 },
  publicPosts: { max: 5, perMs: 10 * 60_000 },
};

/** 'public': write and celebrate in the channel; 'private': write, answer only the member; 'slow-down': write nothing. */
export type FloodVerdict = 'public' | 'private' | 'slow-down';

/** The event times (ms) still inside the window at `now`; times after `now` (a clock set back) are dropped. */
export function withinWindow(times: readonly number[], now: number, window: RateWindow): number[] {
  return times.filter((t) => t > now - window.perMs && t <= now);
}

/**
 * Decides one write from the member's recent accepted writes and public posts (times in ms), and
 * returns the histories to keep. Only accepted writes count, so a member who waits is let in again.
 */
export function judgeWrite(
  history: { writes: readonly number[]; publicPosts: readonly number[] },
  now: number,
  wantsPublic: boolean,
  limits: FloodLimits = FLOOD_LIMITS,
): { verdict: FloodVerdict; writes: number[]; publicPosts: number[] } {
  const writes = withinWindow(history.writes, now, limits.burst);
  const publicPosts = withinWindow(history.publicPosts, now, limits.publicPosts);
  if (writes.length >= limits.burst.max) return { verdict: 'slow-down', writes, publicPosts };
  writes.push(now);
  if (!wantsPublic || publicPosts.length >= limits.publicPosts.max) return { verdict: 'private', writes, publicPosts };
  publicPosts.push(now);
  return { verdict: 'public', writes, publicPosts };
}

/**
 * Each member's recent writes, in this process's memory: a part built once in the composition root
 * and passed in. Over the gateway that is exact: every interaction of one server reaches the one process
 * running its shard, so no other process sees that member's writes. (What must hold across processes, a
 * check-in reaching the partner once a day, is decided in SQL.)
 *
 * With N `GATEWAY=off` workers it stays in memory, by choice (issue 19): a member's burst is spread over
 * the workers, so "slow down" comes after at most N × the limit instead of the limit, and a restart
 * forgets the window. That tolerates many workers because nothing it guards needs to be exact: the
 * limit is against scripts and stuck keys (a person stays far below it), every write is still recorded
 * at most once per interaction by the database, and the public-post limit only moves a celebration to a
 * private answer. Moving the window to PostgreSQL would add a write (or a counting read) to every
 * `/win` on the hot path issue 18 is making lean; a member key affinity at the balancer would make it
 * exact again if ever needed.
 */
export class FloodGuard {
  readonly #members = new Map<string, { writes: number[]; channels: Map<string, number[]> }>();
  #calls = 0;

  constructor(private readonly limits: FloodLimits = FLOOD_LIMITS) {}

  /**
   * Judges one write now, and remembers it when accepted: 'public' (celebrate in `channelId`),
   * 'private' (save, answer only the member) or 'slow-down' (write nothing). A write with no public
   * post asks with `wantsPublic` false. No await inside: concurrent calls cannot both slip in.
   */
  judge(key: { guildId: string; userId: string }, channelId: string | undefined, wantsPublic: boolean, now: Date): FloodVerdict {
    if (++this.#calls % 1024 === 0) this.#forgetQuiet(now.getTime());
    const id = `${key.guildId}:${key.userId}`;
    const member = this.#members.get(id) ?? { writes: [], channels: new Map<string, number[]>() };
    const channel = channelId ?? '';
    const history = { writes: member.writes, publicPosts: member.channels.get(channel) ?? [] };
    const { verdict, writes, publicPosts } = judgeWrite(history, now.getTime(), wantsPublic && channelId !== undefined, this.limits);
    member.writes = writes;
    if (publicPosts.length > 0) member.channels.set(channel, publicPosts);
    else member.channels.delete(channel);
    this.#members.set(id, member);
    return verdict;
  }

  /** How many members are remembered (memory stays bounded). */
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
