import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { SANDBOX_CLIENT_SECRET, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { WebClient } from './support.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Running {
  child: ChildProcess;
  output: () => string;
  dataDir: string;
}

async function startBot(env: NodeJS.ProcessEnv, ready = 'connected to Discord'): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'small-wins-web-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...env, LOG_LEVEL: 'info', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await vi.waitFor(() => expect(output).toContain(ready), { timeout: 90_000, interval: 200 });
  return { child, output: () => output, dataDir };
}

// The real entry point with SPEC §8's variables: the web view on HTTP_PORT next to /healthz, or off and said so once.
describe('the web view in the bot’s own process', () => {
  let sandbox: Sandbox;
  let withWeb: Running;
  let without: Running;
  let base: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const discord = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl };
    [withWeb, without] = await Promise.all([
      startBot({ ...discord, HTTP_PORT: String(port), PUBLIC_URL: base, DISCORD_CLIENT_SECRET: SANDBOX_CLIENT_SECRET, SESSION_SECRET: 's'.repeat(40) }, 'health and metrics listening'),
      startBot(discord),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const bot of [withWeb, without]) {
      if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
      if (bot) await rm(bot.dataDir, { recursive: true, force: true });
    }
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
