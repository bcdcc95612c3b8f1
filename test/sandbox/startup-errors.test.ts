import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { openPglite } from '../../src/db/client.js';
import { runSandbox } from '../../src/run-sandbox.js';
import { readWorld, startSandbox } from '../../src/sandbox/index.js';
import { installShutdown } from '../../src/shutdown.js';

// sysfs refuses every mkdir, even root's: a filesystem this process cannot write, on any Linux.
const unwritable = '/sys/fs/small-wins-test/data';

describe('start-up errors that say what to do', () => {
  const dir = mkdtempSync(join(tmpdir(), 'startup-errors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names a damaged sandbox world file, says how to start afresh, and leaves the file as it was', async () => {
    const file = join(dir, 'sandbox-world.json');
    writeFileSync(file, '{x');
    expect(() => readWorld(file)).toThrow(`The sandbox's saved world ${file} is damaged`);
    await expect(startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), worldFile: file })).rejects.toThrow(
      /is damaged \(.*\), so the sandbox did not start and left the file as it is\. Repair it, or move it away to start a new sandbox world/,
    );
    expect(readFileSync(file, 'utf8')).toBe('{x');
    writeFileSync(file, '{"version": 2}');
    expect(() => readWorld(file)).toThrow(/is damaged .* move it away/);
  });

  it('says a DATA_DIR that cannot be written is read-only or not writable, not ENOENT or a stack', async () => {
    const failure = openPglite(unwritable, pino({ level: 'silent' }));
    await expect(failure).rejects.toThrow(`The data folder ${unwritable} (DATA_DIR) cannot be created or written`);
    await expect(failure).rejects.toThrow(/read-only or not writable by this user\. Point DATA_DIR at a writable folder/);
  });

  it('refuses the sandbox on an unwritable DATA_DIR with that message, before opening anything', async () => {
    const output = new PassThrough();
    const run = runSandbox(loadConfig({ DATA_DIR: unwritable, LOG_LEVEL: 'silent' }), commands, { script: undefined, output }, installShutdown({ exit: () => undefined }));
    await expect(run).rejects.toThrow('(DATA_DIR) cannot be created or written');
  });
});
