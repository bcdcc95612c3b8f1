import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, inject, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.js';
import { useLockChildren } from '../support/lock-children.js';

const { start, expectOneWinnerOf } = useLockChildren();

// Side by side: each test has a folder of its own, and most of their time is waiting for a holder to refresh its
// lock or for a dead one's to go stale.
describe.concurrent('the data folder lock', () => {
  it('refuses a second opener at once while the first holds it, and opens again once released', { timeout: 90_000 }, async ({ expect }) => {
    // In memory when the machine has it (/dev/shm): PGlite reads and writes its whole folder.
    const dir = await mkdtemp(join(inject('pgliteScratch'), 'lock-'));
    const logger = pino({ level: 'silent' });
    // A shorter staleness: the holder refreshes its lock every second (not every five), so a second
    // opener sees it alive within a second; 4 s still tolerates a busy machine stalling the holder.
    const lockStaleMs = 4_000;
    const first = await openPglite(dir, logger, { lockStaleMs });
    await expect(openPglite(dir, logger, { lockStaleMs })).rejects.toThrow(/in use by another Small Wins process \(pid \d+\)/);
    await first.close();
    const again = await openPglite(dir, logger, { lockStaleMs });
    await again.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes over a lock left by an earlier run that had this same pid (pid 1 in Docker)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    // What an unclean stop leaves: the lock, naming this very pid, no longer kept fresh.
    await mkdir(join(dataDir, 'pglite.lock'));
    await writeFile(join(dataDir, 'pglite.lock.owner'), `pid ${process.pid} on this host\n`);
    await writeFile(join(dataDir, 'small-wins.lock'), `${process.pid}\n`);
    const old = new Date(Date.now() - 60_000);
    await utimes(join(dataDir, 'pglite.lock'), old, old);
    const lock = await acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 });
    await lock.release();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second holder in the same process while the first holds it', async ({ expect }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const lock = await acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 });
    await expect(acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 })).rejects.toThrow(DataDirLockedError);
    await lock.release();
    const again = await acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 });
    await again.release();
    await rm(dataDir, { recursive: true, force: true });
  });

  // 4 here; test/soak/data-dir-lock.soak.ts races 50 in CI.
  it('lets exactly one of 4 simultaneous starts win', async () => {
    await expectOneWinnerOf(4);
  }, 120_000);

  it('after the holder is killed with SIGKILL, a restart gets the folder once the lock has gone stale', async ({ expect }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const first = await start(dataDir);
    expect(first.answer).toBe('won');
    expect((await start(dataDir)).answer).toBe('refused');
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    await exited;
    // Waits (up to 10 s) for the dead holder's lock to stop being refreshed, then takes it.
    expect((await start(dataDir, { waitMs: 10_000 })).answer).toBe('won');
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);
});
