import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// The real entry point, as an outside stand-in starts it: `npm start`'s command with only SPEC §8's
// environment (no inherited variables), against a Discord stand-in on another port, then SIGTERM.
describe('the bot as its own process', () => {
  let sandbox: Sandbox;
  let bot: ChildProcess;
  let botProcess: BotProcess | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info' };
    if (usingPostgres()) {
      const database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      // The child migrates and uses it; this handle only creates and drops it.
      dropDatabase = () => database.close();
    }
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    botProcess = await startBotProcess(env);
    bot = botProcess.child;
  }, 60_000);

  afterAll(async () => {
    await botProcess?.close();
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('answers /win through the stand-in and logs structured lines without the token', async () => {
    const result = await sandbox.chatInput('alice', { name: 'win', options: { text: 'started as a real process' } });
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('started as a real process');
    await vi.waitFor(() => expect(botProcess!.output()).toMatch(/"command":"win".*"outcome":"ok"/), { timeout: 5000 });
    for (const line of botProcess!.output().trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(botProcess!.output()).not.toMatch(/"x"|Bot x/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(botProcess!.output()).toContain('shutting down');
  });
});
