import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { acknowledgedWin, answerText } from '../support/answers.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

// The real process with its default timeouts: a dead route to PostgreSQL is survived, then SIGTERM still exits 0.
describe.skipIf(!usingPostgres())('the real process when its database connections go silent', () => {
  let sandbox: Sandbox;
  let proxy: FaultProxy;
  let bot: BotProcess | undefined;
  let dropDatabase: () => Promise<void>;
  let port: number;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'silent-test-token', deferTimeoutMs: 30_000 });
    const database = await createTestDatabase();
    dropDatabase = () => database.close();
    proxy = await startFaultProxy(database.url ?? '');
    port = await freePort();
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'silent-test-token' });
    bot = await startBotProcess({
      DISCORD_TOKEN: 'silent-test-token',
      DISCORD_API_URL: sandbox.apiUrl,
      DATABASE_URL: proxy.url,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await proxy?.close();
    await sandbox?.close();
    await dropDatabase?.();
  });

  it('answers, replaces the silent connections, reports healthy again, then exits 0 on SIGTERM', async () => {
    const healthz = async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status;
    const warm = await Promise.all(['alice', 'bob', 'ada'].map((m) => sandbox.chatInput(m, { name: 'win', options: { text: `before, by ${m}` } })));
    expect(warm.every((r, i) => acknowledgedWin(r, `before, by ${['alice', 'bob', 'ada'][i]}`))).toBe(true);

    // New connections go silent too while the wins are asked: wins are written in batches on whichever
    // connection is free, so only this makes sure they meet a silent one.
    proxy.blackHole({ newConnections: true });
    const during = await Promise.all(['alice', 'bob'].map((m) => sandbox.chatInput(m, { name: 'win', options: { text: `silent, by ${m}` } })));
    for (const result of during) {
      expect(result.failed).toBe(false);
      await vi.waitFor(() => expect(answerText(result)).toMatch(/very slow to answer|may have saved it|couldn't reach my notebook/), { timeout: 20_000, interval: 250 });
    }
    // The route comes back for new connections; the silent ones stay silent until the bot drops them.
    proxy.pass();
    await vi.waitFor(async () => expect(await healthz()).toBe(200), { timeout: 20_000, interval: 500 });
    expect(bot?.output()).toContain('database connection went silent');

    const child = bot?.child;
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    const stoppedAt = Date.now();
    child?.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
  }, 90_000);
});
