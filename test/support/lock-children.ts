import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect } from 'vitest';

/**
 * The child and the lock module as plain JavaScript (TypeScript's own transpiler), so each of many
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

export type StartLockChild = (dataDir: string, options?: { waitMs?: number; go?: string; onReady?: () => void }) => Promise<{ child: ChildProcess; answer: string }>;

/**
 * Registers the file's hooks: compiles the child once, kills every child at the end of the file (not after each
 * test, so tests may run side by side; each races in a folder of its own, so a child left over harms none).
 */
export function useLockChildren(): { start: StartLockChild; expectOneWinnerOf: (count: number) => Promise<void> } {
  const children: ChildProcess[] = [];
  let childScript = '';
  beforeAll(async () => {
    childScript = await compileChild();
  });
  afterAll(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    if (childScript) await rm(dirname(childScript), { recursive: true, force: true });
  });

  /** One start in its own process; resolves with its first line ("won", "refused", or a failure). */
  const start: StartLockChild = (dataDir, options = {}) => {
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
  };

  /** `count` starts wait for one signal file, then race for the lock: exactly one may win. */
  async function expectOneWinnerOf(count: number): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-lock-'));
    const go = join(dataDir, 'go');
    let ready = 0;
    let allReady: () => void = () => undefined;
    const everyoneReady = new Promise<void>((resolve) => (allReady = resolve));
    const onReady = () => ++ready === count && allReady();
    const starts = Array.from({ length: count }, () => start(dataDir, { go, onReady }));
    await everyoneReady;
    await writeFile(go, '');
    const answers = (await Promise.all(starts)).map((r) => r.answer);
    expect(answers.filter((a) => a !== 'refused' && a !== 'won')).toEqual([]);
    expect(answers.filter((a) => a === 'won')).toHaveLength(1);
    expect(answers.filter((a) => a === 'refused')).toHaveLength(count - 1);
    await rm(dataDir, { recursive: true, force: true });
  }

  return { start, expectOneWinnerOf };
}
