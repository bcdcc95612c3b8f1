import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): Promise<void>;
}

export interface DataDirLockOptions {
  /**
   * A lock whose holder has not refreshed it for this long is stale and is taken over. The holder
   * refreshes it every `staleMs / 4`, so only a dead (or badly stuck) process loses it.
   */
  staleMs?: number;
  /** How long a start waits for a stale lock to be recognised before giving up. */
  waitMs?: number;
  /** Called if the lock was taken from this process after all (its refresh failed): stop writing. */
  onCompromised?: (error: Error) => void;
}

const DEFAULT_STALE_MS = 20_000;

/**
 * PGlite has no lock of its own and two writers lose data, so the folder is claimed with
 * proper-lockfile: an atomic `mkdir` of the lock directory (exactly one of many simultaneous starts wins)
 * kept fresh by its holder. Staleness is judged by that freshness, never by a pid, so a restart
 * that gets the same pid (pid 1 in Docker) takes over its own dead lock once it has gone stale.
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const lockfilePath = join(dataDir, 'pglite.lock');
  const waitMs = options.waitMs ?? staleMs + 5_000;
  const retryEveryMs = Math.max(250, Math.round(staleMs / 8));
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath,
      stale: staleMs,
      update: Math.round(staleMs / 4),
      realpath: false,
      retries: { retries: Math.ceil(waitMs / retryEveryMs), factor: 1, minTimeout: retryEveryMs, maxTimeout: retryEveryMs },
      onCompromised: options.onCompromised ?? ((error) => {
        throw error;
      }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readFile(`${lockfilePath}.owner`, 'utf8').catch(() => 'unknown');
    throw new DataDirLockedError(
      `The data folder ${dataDir} is in use by another Small Wins process (${holder.trim()}). ` +
        'Stop that process, or point DATA_DIR somewhere else, or use DATABASE_URL for several processes.',
    );
  }
  // Only for the message above (beside the lock: proper-lockfile removes it with rmdir, so it must stay empty).
  await writeFile(`${lockfilePath}.owner`, `pid ${process.pid} on ${hostname()}\n`).catch(() => undefined);
  return {
    release: async () => {
      await release().catch(() => undefined);
    },
  };
}
