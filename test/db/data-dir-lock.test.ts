import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the embedded database folder', () => {
  it('refuses a second opener while the first holds it, and opens again once released', { timeout: 90_000 }, async () => {
    const dir = await tempDir();
    const first = await openPglite(dir, logger);
    await expect(openPglite(dir, logger)).rejects.toThrow(DataDirLockedError);
    await expect(openPglite(dir, logger)).rejects.toThrow(/in use by another Small Wins process \(pid \d+\)/);
    await first.close();
    const again = await openPglite(dir, logger);
    await again.close();
  });

  it('takes over a lock left behind by a process that has died', async () => {
    const dir = await tempDir();
    // A pid that surely existed and has now exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(join(dir, 'small-wins.lock'), `${dead}\n`);
    const lock = await acquireDataDirLock(dir);
    expect((await readFile(join(dir, 'small-wins.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });
});
