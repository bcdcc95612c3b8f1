import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// The real entry point, as an outside stand-in starts it: `npm start`'s command with only SPEC §8's
// environment (no inherited variables), against a Discord stand-in on another port, then SIGTERM.
describe('the bot as its own process', () => {
  let sandbox: Sandbox;
  let bot: ChildProcess;
  let output = '';
  let dataDir: string;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    dataDir = await mkdtemp(join(tmpdir(), 'small-wins-process-'));
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info', DATA_DIR: dataDir };
    if (usingPostgres()) {
      const database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      // The child migrates and uses it; this handle only creates and drops it.
      dropDatabase = () => database.close();
    }
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    bot.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await vi.waitFor(() => expect(output).toContain('connected to Discord'), { timeout: 45_000, interval: 200 });
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.exitCode === null) bot.kill('SIGKILL');
    await sandbox?.close();
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /win through the stand-in and logs structured lines without the token', async () => {
    const result = await sandbox.chatInput('alice', { name: 'win', options: { text: 'started as a real process' } });
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('started as a real process');
    await vi.waitFor(() => expect(output).toMatch(/"command":"win".*"outcome":"ok"/), { timeout: 5000 });
    for (const line of output.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(output).not.toMatch(/"x"|Bot x/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
  });
});
