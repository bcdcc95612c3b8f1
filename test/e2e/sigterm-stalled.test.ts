import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { answersOf, logLines } from '../support/sigterm.js';

const MEMBERS = Array.from({ length: 10 }, (_, i) => `stalled${i}`);
// Each member's Discord speaks one of these; the restarting answer follows it.
const LOCALES = ['en-US', 'de', 'ja'] as const;
const UNFINISHED: Record<(typeof LOCALES)[number], RegExp> = {
  'en-US': /restarting.*may not have gone through/,
  de: /Ich starte neu.*vielleicht ist es nicht durchgegangen/,
  ja: /再起動のため.*反映されていないかもしれません/,
};
const localeOf = (i: number) => LOCALES[i % LOCALES.length] ?? 'en-US';
// Discord's loading state: the message of an interaction deferred and not yet answered.
const LOADING = 128;

// SPEC §7: with the database stalled, SIGTERM still answers every deferred interaction and exits 0 within 10 s.
describe.skipIf(!usingPostgres())('SIGTERM with the database stalled, on the real process', () => {
  let sandbox: Sandbox;
  let proxy: FaultProxy;
  let bot: BotProcess | undefined;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'stalled-test-token', deferTimeoutMs: 30_000 });
    MEMBERS.forEach((name, i) => {
      sandbox.addUser(name);
      sandbox.setLocale(name, localeOf(i));
    });
    const database = await createTestDatabase();
    dropDatabase = () => database.close();
    proxy = await startFaultProxy(database.url ?? '');
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'stalled-test-token' });
    bot = await startBotProcess({ DISCORD_TOKEN: 'stalled-test-token', DISCORD_API_URL: sandbox.apiUrl, DATABASE_URL: proxy.url, LOG_LEVEL: 'info' });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('edits the restarting answer into every deferred reply and exits 0 within 10 s', async () => {
    const proc = bot!;
    const texts = Array.from({ length: 30 }, (_, i) => `before the stall ${i}`);
    const warm = await Promise.all(texts.map((text, i) => sandbox.chatInput(MEMBERS[i % MEMBERS.length] ?? 'alice', { name: 'win', options: { text } })));
    expect(warm.every((result, i) => acknowledgedWin(result, texts[i] ?? ''))).toBe(true);
    // Wins go in batches, one statement at a time, so they open few connections: enough reads at once open all
    // of the pool's 10, so the stalled wins below wait on open ones, never on a new connection that cannot connect.
    await Promise.all(Array.from({ length: 30 }, (_, i) => sandbox.chatInput(MEMBERS[i % MEMBERS.length] ?? 'alice', { name: 'wins' })));
    expect(proxy.connections).toBe(10);

    // Every connection, open or new, goes silent: each /win waits on the database and the safety net defers it.
    proxy.blackHole({ newConnections: true });
    const stalled = MEMBERS.map((name) => sandbox.chatInput(name, { name: 'win', options: { text: `stalled win by ${name}` } }));
    const loading = () => sandbox.allMessages().filter((m) => (m.flags & LOADING) !== 0 && m.interaction?.name === 'win').length;
    await expect.poll(loading, { timeout: 15_000, interval: 50 }).toBe(MEMBERS.length);

    const killedAt = Date.now();
    proc.child.kill('SIGTERM');
    const { code, at: exitedAt } = await proc.exited;
    expect(code).toBe(0);
    expect(exitedAt - killedAt).toBeLessThan(10_000);
    expect(logLines(proc.output()).some((l) => l.msg === 'shutdown took too long; exiting anyway')).toBe(false);

    (await Promise.all(stalled)).forEach((result, i) => {
      expect(result.failed).toBe(false);
      expect(result.kind).toBe('deferred');
      // One message: the deferred reply, now saying what happened in the member's language; nothing sent after it.
      expect(answersOf(result)).toHaveLength(1);
      expect(answerText(result)).toMatch(UNFINISHED[localeOf(i)]);
    });
  }, 90_000);
});
