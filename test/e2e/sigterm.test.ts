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
import { answersOf, gatewayWatch, logLines } from '../support/sigterm.js';

const MEMBERS = Array.from({ length: 40 }, (_, i) => `member${i}`);
const SENDERS = 8;

// SPEC §7: SIGTERM closes the gateway first, finishes what is in flight, answers everything it received, exits 0 within 10 s.
describe('SIGTERM under a steady stream of /win, on the real process', () => {
  let sandbox: Sandbox;
  let bot: BotProcess | undefined;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'sigterm-test-token', deferTimeoutMs: 15_000 });
    // Members who are not admins, so each answer is one message (no setup hint), and enough of them to stay under the flood limit.
    for (const name of MEMBERS) sandbox.addUser(name);
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'sigterm-test-token', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'debug' };
    if (usingPostgres()) {
      const database = await createTestDatabase();
      env.DATABASE_URL = databaseUrl = database.url;
      dropDatabase = () => database.close();
    }
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'sigterm-test-token' });
    bot = await startBotProcess(env);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('closes the gateway at once, answers every interaction it received once, loses no win, and exits 0 within 10 s', async () => {
    const proc = bot!;
    // A warm process first: a cold one's first wins measure start-up, not the stop.
    for (const name of MEMBERS.slice(0, 3)) expect(acknowledgedWin(await sandbox.chatInput(name, { name: 'win', options: { text: `warm ${name}` } }), `warm ${name}`)).toBe(true);

    // A steady stream: each sender sends its next /win as soon as the last one is settled, until the process has exited.
    const sent: { text: string; result: InteractionResult }[] = [];
    let answered = 0;
    let running = true;
    let n = 0;
    const sender = async () => {
      while (running) {
        const i = n++;
        const text = `stream win ${i}`;
        const result = await sandbox.chatInput(MEMBERS[i % MEMBERS.length] ?? 'alice', { name: 'win', options: { text } });
        sent.push({ text, result });
        if (acknowledgedWin(result, text)) answered++;
      }
    };
    const senders = Array.from({ length: SENDERS }, sender);
    await expect.poll(() => answered, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(30);

    const gateway = gatewayWatch(sandbox);
    const killedAt = Date.now();
    proc.child.kill('SIGTERM');
    const { code, at: exitedAt } = await proc.exited;
    running = false;
    gateway.stop();
    await Promise.all(senders);

    expect(code).toBe(0);
    expect(exitedAt - killedAt).toBeLessThan(10_000);
    // Closed first: the socket went within a second of the stop starting, not after the drain (before: never, under a stream).
    const lines = logLines(proc.output());
    const stopping = lines.find((l) => l.msg === 'shutting down')?.time ?? Number.NaN;
    expect(gateway.closedAt).toBeDefined();
    expect((gateway.closedAt ?? Infinity) - stopping).toBeLessThan(1_000);
    expect(lines.some((l) => l.msg === 'shutdown took too long; exiting anyway')).toBe(false);

    // Every interaction that reached the bot (each leaves a line with its id) got exactly one answer.
    const reached = new Set(lines.filter((l) => l.msg === 'interaction received').map((l) => String(l.interaction)));
    const received = sent.filter(({ result }) => reached.has(result.interactionId));
    expect(received.length).toBeGreaterThanOrEqual(30);
    for (const { result } of received) {
      expect(result.failed).toBe(false);
      expect(answersOf(result)).toHaveLength(1);
      expect(answerText(result)).toMatch(/stream win|restarting|a lot at once/);
    }
    // No acknowledged win lost; a stored win was celebrated, or its member was told it may have gone through.
    const stored = new Set(await storedWinTexts(proc.dataDir));
    for (const { text, result } of sent) {
      if (acknowledgedWin(result, text)) expect(stored.has(text)).toBe(true);
      if (stored.has(text)) expect(acknowledgedWin(result, text) || /may not have gone through/.test(answerText(result))).toBe(true);
    }
  }, 90_000);

  async function storedWinTexts(dataDir: string): Promise<string[]> {
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
