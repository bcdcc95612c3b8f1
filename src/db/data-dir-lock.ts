import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile, { type LockOptions } from 'proper-lockfile';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** The data folder cannot be created or written (a read-only filesystem, missing permissions). */
export class DataDirUnwritableError extends Error {
  override name = 'DataDirUnwritableError';
}

/**
 * Creates the data folder if needed and proves it writable, so a read-only filesystem is said as such
 * at start-up instead of as an `ENOENT … mkdir` from deep inside the database.
 */
export async function ensureDataDir(dataDir: string): Promise<void> {
  const probe = join(dataDir, `.write-test-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new DataDirUnwritableError(
      `The data folder ${dataDir} (DATA_DIR) cannot be created or written (${code}): its filesystem is read-only or not writable by this user. ` +
        'Point DATA_DIR at a writable folder (in a container, mount a volume there), or use DATABASE_URL.',
    );
  }
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
  /** How long a start waits for an unrefreshed lock to go stale before giving up (a refreshed one is refused at once). */
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
 * A lock found fresh at first is watched: refreshed means a live holder (refused), not means a dead one.
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions = {}): Promise<DataDirLock> {
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const lockfilePath = join(dataDir, 'pglite.lock');
  const ownerPath = `${lockfilePath}.owner`;
  const lockOptions: LockOptions = {
    lockfilePath,
    stale: staleMs,
    update: Math.max(1_000, Math.round(staleMs / 4)),
    realpath: false,
    onCompromised: options.onCompromised ?? ((error) => {
      throw error;
    }),
  };
  const deadline = Date.now() + (options.waitMs ?? staleMs + 5_000);
  let firstSeen = await modifiedAt(lockfilePath);
  for (;;) {
    try {
      const release = await lockfile.lock(dataDir, lockOptions);
      // Only for the message below (beside the lock: proper-lockfile removes it with rmdir, so it must stay empty).
      await writeFile(ownerPath, `${process.pid}\n${hostname()}\n`).catch(() => undefined);
      return { release: () => release().catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    // A holder that refreshes its lock is alive: refuse now. One that does not may be dead: wait for staleness.
    const seen = await modifiedAt(lockfilePath);
    firstSeen ??= seen;
    if (Date.now() >= deadline || (firstSeen !== undefined && seen !== undefined && seen !== firstSeen)) break;
    await sleep(Math.min(500, Math.max(50, deadline - Date.now())));
  }
  const [pid, host] = (await readFile(ownerPath, 'utf8').catch(() => '')).split('\n');
  throw new DataDirLockedError(
    `The data folder ${dataDir} is in use by another Small Wins process (pid ${pid || 'unknown'})${host ? ` on ${host}` : ''}. ` +
      'Stop that process, or point DATA_DIR somewhere else, or use DATABASE_URL for several processes.',
  );
}

async function modifiedAt(path: string): Promise<number | undefined> {
  return stat(path).then(
    (info) => info.mtimeMs,
    () => undefined,
  );
}
