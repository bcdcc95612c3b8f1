import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.js';

// A stand-in for one bot start: takes the data-folder lock, says whether it won, and holds it until killed.
// With a `go` file path, it first says "ready" and waits for that file, so many starts race at one moment.
const [dataDir = '', staleMs = '2000', waitMs = '0', go] = process.argv.slice(2);
if (go) {
  process.stdout.write('ready\n');
  while (!existsSync(go)) await sleep(5);
}
try {
  await acquireDataDirLock(dataDir, { staleMs: Number(staleMs), waitMs: Number(waitMs) });
  process.stdout.write('won\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(error instanceof DataDirLockedError ? 'refused\n' : `failed ${String(error)}\n`);
  process.exit(0);
}
