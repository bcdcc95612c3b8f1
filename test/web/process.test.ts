import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { SANDBOX_CLIENT_SECRET, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { WebClient } from './support.js';
import { freePort } from '../support/free-port.js';

// The real entry point with SPEC §8's variables: the web view on HTTP_PORT next to /healthz, or off and said so once.
describe('the web view in the bot’s own process', () => {
  let sandbox: Sandbox;
  let withWeb: BotProcess;
  let without: BotProcess;
  let base: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const discord = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl };
    [withWeb, without] = await Promise.all([
      startBotProcess(
        { ...discord, LOG_LEVEL: 'info', HTTP_PORT: String(port), PUBLIC_URL: base, DISCORD_CLIENT_SECRET: SANDBOX_CLIENT_SECRET, SESSION_SECRET: 's'.repeat(40) },
        { ready: 'health and metrics listening', timeoutMs: 90_000 },
      ),
      startBotProcess({ ...discord, LOG_LEVEL: 'info' }, { timeoutMs: 90_000 }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([withWeb?.close(), without?.close()]);
    await sandbox?.close();
  });

  it('serves the web view beside /healthz, and a member signs in through Discord’s OAuth2', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const alice = new WebClient(base);
    await alice.signIn(sandbox.user('alice').id);
    expect(await alice.html('/')).toContain('Hello, Alice');
    expect(withWeb.output()).toContain('"msg":"web view on"');
    expect(withWeb.output()).not.toContain('s'.repeat(40));
  });

  it('says once at start that the web view is off when none of its variables is set', () => {
    expect(without.output().match(/web view off/g)).toHaveLength(1);
  });
});
