import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// `npm start` runs the production bundle (scripts/bundle.mjs → dist/app/), not src/. This file bundles
// today's src/ the same way and drives it as an outside stand-in does: over the gateway and, as a
// GATEWAY=off worker, with interactions as signed HTTP.
describe('the production bundle as its own process', () => {
  const outdir = join('dist', `test-bundle-${process.pid}`);
  let entry: string[];
  const started: BotProcess[] = [];
  const sandboxes: Sandbox[] = [];
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['scripts/bundle.mjs', outdir]);
    entry = ['--v8-pool-size=1', join(outdir, 'index.js')];
  }, 60_000);

  afterAll(async () => {
    for (const bot of started) await bot.close();
    for (const sandbox of sandboxes) await sandbox.close();
    for (const drop of drops) await drop();
    await rm(outdir, { recursive: true, force: true });
  });

  async function environment(sandbox: Sandbox): Promise<NodeJS.ProcessEnv> {
    const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info' };
    if (usingPostgres()) {
      const database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      drops.push(() => database.close());
    }
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    return env;
  }

  it('keeps the source V8 holds in memory at one byte a character, and zod without its locales', async () => {
    const chunks = (await readdir(outdir)).filter((name) => name.endsWith('.js'));
    const text = await Promise.all(chunks.map(async (name) => ({ name, source: await readFile(join(outdir, name), 'utf8') })));
    // Only the web view's tagged templates (html`…`, whose raw text esbuild must keep) may hold emoji.
    const wide = text.filter(({ source }) => [...source].some((c) => c.charCodeAt(0) > 0xff)).map(({ name, source }) => ({ name, bytes: source.length }));
    for (const chunk of wide) expect(chunk.bytes).toBeLessThan(40_000);
    expect(text.filter(({ source }) => source.includes('Nieprawid'))).toEqual([]); // zod's Polish messages
  });

  it('answers /win over the gateway', async () => {
    const sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    sandboxes.push(sandbox);
    const bot = await startBotProcess(await environment(sandbox), { entry });
    started.push(bot);
    const result = await sandbox.chatInput('alice', { name: 'win', options: { text: 'bundled and shipped' } });
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('bundled and shipped');
    const progress = await sandbox.chatInput('alice', { name: 'progress' });
    expect(progress.failed).toBe(false);
    await vi.waitFor(() => expect(bot.output()).toMatch(/"command":"win".*"outcome":"ok"/), { timeout: 5000 });
    expect(bot.output()).not.toMatch(/"level":50/);
  }, 60_000);

  it('answers /win as a GATEWAY=off worker, the interaction delivered as signed HTTP', async () => {
    // The worker checks each signed timestamp against its own clock: the sandbox signs at the real time.
    const sandbox = await startSandbox({ clock: new ManualClock(new Date()), token: 'x' });
    sandboxes.push(sandbox);
    const env = { ...(await environment(sandbox)), GATEWAY: 'off', DISCORD_PUBLIC_KEY: sandbox.publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' };
    const bot = await startBotProcess(env, { entry, ready: 'ready as a worker' });
    started.push(bot);
    const port = await vi.waitFor(() => {
      const line = bot.output().split('\n').find((l) => l.includes('health and metrics listening'));
      expect(line).toBeDefined();
      return (JSON.parse(line ?? '{}') as { port?: number }).port;
    });
    sandbox.deliverOverHttp(`http://127.0.0.1:${port}/interactions`);
    const result = await sandbox.chatInput('alice', { name: 'win', options: { text: 'signed, sealed, delivered' } });
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('signed, sealed, delivered');
    expect(sandbox.connectedShards).toEqual([]);
    expect(bot.output()).not.toMatch(/"level":50/);
  }, 60_000);
});
