import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';

/** `npm start`'s Node flags. */
const startFlags = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** node's arguments for the bot as `npm start` runs it, from the bundle of today's src/ the global setup built. */
const startArgs = (): string[] => [...startFlags, join(inject('botBundle'), 'index.js')];

export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  dataDir: string;
  /** Its exit code and when it exited (ms since the epoch), whenever that happens. */
  exited: Promise<{ code: number | null; at: number }>;
  /** Kills it if it still runs and removes its data folder. */
  close(): Promise<void>;
}

/**
 * The real entry point as its own process, started as `npm start` does, with only `env` and a data
 * folder of its own; resolves once its output says `ready`.
 */
export async function startBotProcess(env: NodeJS.ProcessEnv, options: { ready?: string; timeoutMs?: number } = {}): Promise<BotProcess> {
  const dataDir = await mkdtemp(join(inject('pgliteScratch'), 'process-'));
  const child = spawn(process.execPath, startArgs(), { env: { DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  const bot: BotProcess = {
    child,
    output: () => output,
    dataDir,
    exited,
    async close() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  const ready = options.ready ?? 'connected to Discord';
  const timeoutMs = options.timeoutMs ?? 45_000;
  // Looked for in each chunk as it arrives, not polled: a poll every 200 ms added up to 200 ms to every start.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`The bot did not say "${ready}" within ${timeoutMs} ms. Its output:\n${output}`)), timeoutMs);
    const check = () => output.includes(ready) && done();
    // 'close', not 'exit': output still in the pipe arrives after 'exit'.
    const closed = () => done(new Error(`The bot exited before it said "${ready}". Its output:\n${output}`));
    function done(error?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('close', closed);
      if (error) reject(error);
      else resolve();
    }
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('close', closed);
    check();
  }).catch(async (error: unknown) => {
    await bot.close();
    throw error;
  });
  return bot;
}
