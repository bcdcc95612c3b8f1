import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { guildsLeft, markGuildLeft, markGuildsPresent } from '../db/guild-settings.js';

/**
 * Whether the bot is in a server, recorded in the database since HTTP-only workers never see the gateway
 * (SPEC §11). A server the bot was removed from (kicked, or the server deleted; not an outage) is no one's
 * home from now on, gets no scheduled work and is not in the web view; members' data there stays. A server it
 * is in (joined, joined again, met again on connecting, or an interaction installed there) counts again.
 */
export interface ServerPresence {
  /** The bot is in this server, as seen now (a connection's announcement, a join, an interaction from its install). */
  inServer(guildId: string): void;
  leftServer(guildId: string): void;
  /** Writes what is queued and stops: before the database closes. */
  close(): Promise<void>;
}

/**
 * Discord refused a post in a way that says the bot is no longer in the server: what tells a deployment without
 * the gateway (GATEWAY=off) of a removal. Recorded as the gateway's removal is, and said once: by the process
 * that recorded it.
 */
export async function serverRefusedTheBot(deps: { db: Db; logger: Pick<Logger, 'info'> }, guildId: string, now: Date, detail: string): Promise<void> {
  if (await markGuildLeft(deps.db, guildId, now)) deps.logger.info({ guild: guildId, detail }, 'the bot is no longer in this server (Discord refused a post): recorded it as removed');
}

/** The servers of `servers` the bot was not removed from, in their order: what the web view may list and open. */
export async function withoutRemovedServers<T extends { id: string }>(deps: { db: Db }, servers: readonly T[]): Promise<T[]> {
  const left = await guildsLeft(deps.db, servers.map((s) => s.id));
  return servers.filter((s) => !left.has(s.id));
}

/** The server of `servers` with this id, unless the bot was removed from it: what a server page or link may open. */
export async function openableServer<T extends { id: string }>(deps: { db: Db }, servers: readonly T[], guildId: string): Promise<T | undefined> {
  const listed = servers.find((s) => s.id === guildId);
  return listed && (await withoutRemovedServers(deps, [listed]))[0];
}

// Connecting announces every server at once: their "present" marks go out together, one statement a batch.
const PRESENT_BATCH_MS = 500;

export function trackServerPresence(deps: { db: Db; clock: Clock; logger: Pick<Logger, 'error' | 'info'> }): ServerPresence {
  // Each server's latest sighting in the batch: a removal recorded before it (say, a worker's refused post) is
  // undone by it, one recorded after it is not. One time for the whole batch could do only one of the two when the
  // clock moves within a batch (the sandbox's does, days at a time).
  const seen = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  // One write at a time, in the order the events came: a removal after a join must win.
  let writes: Promise<void> = Promise.resolve();
  const write = (what: string, run: () => Promise<unknown>) => {
    writes = writes.then(run).then(() => undefined).catch((err: unknown) => deps.logger.error({ err, what }, 'could not record whether the bot is in a server'));
    return writes;
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // One statement per instant: a connection announces every server at the same one.
    const byTime = new Map<number, string[]>();
    for (const [guildId, at] of seen) {
      const ids = byTime.get(at);
      if (ids) ids.push(guildId);
      else byTime.set(at, [guildId]);
    }
    seen.clear();
    for (const [at, ids] of byTime) {
      void write('present', async () => {
        const back = await markGuildsPresent(deps.db, ids, new Date(at));
        if (back.length > 0) deps.logger.info({ guilds: back }, 'the bot is in these servers again: recorded it');
      });
    }
    return writes;
  };
  return {
    inServer(guildId) {
      const now = deps.clock.now().getTime();
      if ((seen.get(guildId) ?? -Infinity) < now) seen.set(guildId, now);
      timer ??= setTimeout(() => void flush(), PRESENT_BATCH_MS);
      timer.unref();
    },
    leftServer(guildId) {
      // A join still queued is older than this removal: flush it first, so the removal is written last.
      if (seen.has(guildId)) void flush();
      void write('left', () => markGuildLeft(deps.db, guildId, deps.clock.now()));
    },
    close: () => flush(),
  };
}
