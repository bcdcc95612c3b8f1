import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type InteractionResult, type Sandbox } from '../../src/sandbox/index.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// SPEC §7: SIGTERM stops taking new work, finishes what is in flight, and exits 0 within 10 s.
describe('SIGTERM under load, on the real process', () => {
  let sandbox: Sandbox;
  let bot: ChildProcess;
  let botProcess: BotProcess | undefined;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'sigterm-test-token' });
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'sigterm-test-token', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'debug' };
    if (usingPostgres()) {
      const database = await createTestDatabase();
      env.DATABASE_URL = databaseUrl = database.url;
      dropDatabase = () => database.close();
    }
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'sigterm-test-token' });
    botProcess = await startBotProcess(env);
    bot = botProcess.child;
    dataDir = botProcess.dataDir;
  }, 60_000);

  afterAll(async () => {
    await botProcess?.close();
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('answers every interaction that reached it, stores no win without its reply, and exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    const send = (i: number) => {
      const text = `sigterm load win ${i}`;
      return sandbox.chatInput(['alice', 'bob', 'ada'][i % 3] ?? 'alice', { name: 'win', options: { text } }).then((result) => ({ text, result }));
    };
    let firstAnswered: () => void = () => undefined;
    const oneAnswered = new Promise<void>((resolve) => (firstAnswered = resolve));
    const before = Array.from({ length: 20 }, (_, i) => send(i).finally(firstAnswered));
    await oneAnswered;
    bot.kill('SIGTERM');
    // Members keep pressing while it stops: a new interaction each time the previous one is sent, until it exits.
    let running = true;
    const after: Promise<{ text: string; result: InteractionResult }>[] = [];
    const code = exited.finally(() => (running = false));
    for (let i = 100; running && i < 400; i++) {
      after.push(send(i));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await code).toBe(0);
    const sent: { text: string; result: InteractionResult }[] = await Promise.all([...before, ...after]);

    // Which interactions reached the bot: each leaves one log line with its id.
    const reached = new Set([...botProcess!.output().matchAll(/"interaction":"(\d+)"/g)].map((m) => m[1]));
    for (const { result } of sent.slice(0, 20)) expect(reached.has(result.interactionId)).toBe(true);
    for (const { result } of sent) {
      if (!reached.has(result.interactionId)) continue;
      expect(result.failed).toBe(false);
      expect(answerText(result)).not.toBe('');
    }
    // Turned-away ones were told why (restarting, or a flood limit: three members send 400 wins).
    for (const { result } of sent.slice(20)) if (reached.has(result.interactionId) && !result.failed) expect(answerText(result)).toMatch(/restarting|sigterm load win|a lot at once/);

    const stored = await storedWinTexts();
    for (const { text, result } of sent) {
      if (stored.includes(text)) expect(acknowledgedWin(result, text)).toBe(true);
    }
    expect(botProcess!.output()).toContain('shutting down');
  }, 60_000);

  async function storedWinTexts(): Promise<string[]> {
    if (databaseUrl) {
      const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      const rows = await sql<{ text: string }[]>`select text from wins`;
      await sql.end();
      return rows.map((r) => r.text);
    }
    const pglite = new PGlite(join(dataDir, 'pglite'));
    const rows = await pglite.query<{ text: string }>('select text from wins');
    await pglite.close();
    return rows.rows.map((r) => r.text);
  }
});
