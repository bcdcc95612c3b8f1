import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { guildsLeft, markGuildLeft, markGuildsPresent } from '../db/guild-settings.js';

/**
 * Whether the bot is in a server, recorded in the database since HTTP-only workers never see the gateway
 * (SPEC §11). A server the bot was removed from (kicked, or the server deleted; not an outage) is no one's
 * home from now on; members' data there stays. A server it is in (joined, joined again, or met again on
 * connecting) can be a home again.
 */
export interface ServerPresence {
  inServer(guildId: string): void;
  leftServer(guildId: string): void;
  /** Writes what is queued and stops: before the database closes. */
  close(): Promise<void>;
}

/** The servers of `servers` the bot was not removed from, in their order: what the web view may list and open. */
export async function withoutRemovedServers<T extends { id: string }>(deps: { db: Db }, servers: readonly T[]): Promise<T[]> {
  const left = await guildsLeft(deps.db, servers.map((s) => s.id));
  return servers.filter((s) => !left.has(s.id));
}

// Connecting announces every server at once: their "present" marks go out together, one statement a batch.
const PRESENT_BATCH_MS = 500;

export function trackServerPresence(deps: { db: Db; clock: Clock; logger: Pick<Logger, 'error'> }): ServerPresence {
  const present = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // One write at a time, in the order the events came: a removal after a join must win.
  let writes: Promise<void> = Promise.resolve();
  const write = (what: string, run: () => Promise<void>) => {
    writes = writes.then(run).catch((err: unknown) => deps.logger.error({ err, what }, 'could not record whether the bot is in a server'));
    return writes;
  };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const ids = [...present];
    present.clear();
    return write('present', () => markGuildsPresent(deps.db, ids));
  };
  return {
    inServer(guildId) {
      present.add(guildId);
      timer ??= setTimeout(() => void flush(), PRESENT_BATCH_MS);
      timer.unref();
    },
    leftServer(guildId) {
      // A join still queued is older than this removal: flush it first, so the removal is written last.
      if (present.has(guildId)) void flush();
      void write('left', () => markGuildLeft(deps.db, guildId, deps.clock.now()));
    },
    close: () => flush(),
  };
}
