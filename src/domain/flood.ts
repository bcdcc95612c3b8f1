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
