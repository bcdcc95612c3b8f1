import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.js';

const children: ChildProcess[] = [];
let childScript = '';

/**
 * The child and the lock module as plain JavaScript (TypeScript's own transpiler), so each of the 50
 * starts costs node's start-up and not a TypeScript loader's. Written under node_modules/.cache so
 * `proper-lockfile` resolves as it does for the bot.
 */
async function compileChild(): Promise<string> {
  await mkdir(join('node_modules', '.cache'), { recursive: true });
  const dir = await mkdtemp(join('node_modules', '.cache', 'small-wins-lock-child-'));
  const files = [
    ['src/db/data-dir-lock.ts', 'data-dir-lock.mjs'],
    ['test/support/lock-child.ts', 'lock-child.mjs'],
  ] as const;
  for (const [source, target] of files) {
    const { outputText } = ts.transpileModule(await readFile(source, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
    await writeFile(join(dir, target), outputText.replace("'../../src/db/data-dir-lock.js'", "'./data-dir-lock.mjs'"));
  }
  return join(dir, 'lock-child.mjs');
}

beforeAll(async () => {
  childScript = await compileChild();
});
afterAll(async () => {
  await rm(dirname(childScript), { recursive: true, force: true });
});

/** One start in its own process; resolves with its first line ("won", "refused", or a failure). */
function start(dataDir: string, options: { waitMs?: number; go?: string; onReady?: () => void } = {}): Promise<{ child: ChildProcess; answer: string }> {
  const args = [childScript, dataDir, '2000', String(options.waitMs ?? 0), ...(options.go ? [options.go] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter((line) => line !== '');
      if (lines[0] === 'ready' && lines.length === 1) return options.onReady?.();
      const answer = lines.find((line) => line !== 'ready');
      if (answer) resolve({ child, answer });
    });
    // 'close', not 'exit': output still in the pipe arrives after 'exit'.
    child.once('close', () => resolve({ child, answer: out.trim() || 'exited' }));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the data folder lock', () => {
  it('refuses a second opener at once while the first holds it, and opens again once released', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const logger = pino({ level: 'silent' });
    const first = await openPglite(dir, logger);
    await expect(openPglite(dir, logger)).rejects.toThrow(/in use by another Small Wins process \(pid \d+\)/);
    await first.close();
    const again = await openPglite(dir, logger);
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

  it('refuses a second holder in the same process while the first holds it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const lock = await acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 });
    await expect(acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 })).rejects.toThrow(DataDirLockedError);
    await lock.release();
    const again = await acquireDataDirLock(dataDir, { staleMs: 2000, waitMs: 0 });
    await again.release();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets exactly one of 50 simultaneous starts win', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const go = join(dataDir, 'go');
    let ready = 0;
    let allReady: () => void = () => undefined;
    const everyoneReady = new Promise<void>((resolve) => (allReady = resolve));
    const onReady = () => ++ready === 50 && allReady();
    const starts = Array.from({ length: 50 }, () => start(dataDir, { go, onReady }));
    await everyoneReady;
    await writeFile(go, '');
    const answers = (await Promise.all(starts)).map((r) => r.answer);
    expect(answers.filter((a) => a !== 'refused' && a !== 'won')).toEqual([]);
    expect(answers.filter((a) => a === 'won')).toHaveLength(1);
    expect(answers.filter((a) => a === 'refused')).toHaveLength(49);
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('after the holder is killed with SIGKILL, a restart gets the folder once the lock has gone stale', async () => {
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
