import type { ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { commands } from '../../commands/index.js';
import { ManualClock } from '../../src/clock.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startBotProcess, type BotProcess } from '../support/bot-process.js';
import { createTestDatabase, usingPostgres } from '../support/database.js';

// The real entry point, as an outside stand-in starts it: `npm start`'s command (the production bundle,
// scripts/bundle.mjs, built here from today's src/) with only SPEC §8's environment (no inherited
// variables), against a Discord stand-in on another port: over the gateway, then SIGTERM; and as a
// GATEWAY=off worker with interactions as signed HTTP.

/** SPEC §8's environment for a bot on `sandbox`, on its own database when the suite runs on PostgreSQL. */
async function environment(sandbox: Sandbox, drops: (() => Promise<void>)[]): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { DISCORD_TOKEN: 'x', DISCORD_API_URL: sandbox.apiUrl, LOG_LEVEL: 'info' };
  if (usingPostgres()) {
    const database = await createTestDatabase();
    env.DATABASE_URL = database.url;
    // The child migrates and uses it; this handle only creates and drops it.
    drops.push(() => database.close());
  }
  await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
  return env;
}

describe('the production bundle', () => {
  it('keeps the source V8 holds in memory at one byte a character, and zod without its locales', async () => {
    const outdir = inject('botBundle');
    const chunks = (await readdir(outdir)).filter((name) => name.endsWith('.js'));
    const text = await Promise.all(chunks.map(async (name) => ({ name, source: await readFile(join(outdir, name), 'utf8') })));
    // Only the web view's tagged templates (html`…`, whose raw text esbuild must keep) may hold emoji.
    const wide = text.filter(({ source }) => [...source].some((c) => c.charCodeAt(0) > 0xff)).map(({ name, source }) => ({ name, bytes: source.length }));
    for (const chunk of wide) expect(chunk.bytes).toBeLessThan(40_000);
    expect(text.filter(({ source }) => source.includes('Nieprawid'))).toEqual([]); // zod's Polish messages
  });
});

describe('the bot as its own process', () => {
  let sandbox: Sandbox;
  let bot: ChildProcess;
  let botProcess: BotProcess | undefined;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock(new Date('2026-11-25T12:00:00Z')), token: 'x' });
    botProcess = await startBotProcess(await environment(sandbox, drops));
    bot = botProcess.child;
  }, 60_000);

  afterAll(async () => {
    await botProcess?.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  it('answers /win through the stand-in and logs structured lines without the token', async () => {
    const result = await sandbox.chatInput('alice', { name: 'win', options: { text: 'started as a real process' } });
    expect(result.kind).toBe('reply');
    expect(result.message?.embeds[0]?.description).toContain('started as a real process');
    const progress = await sandbox.chatInput('alice', { name: 'progress' });
    expect(progress.failed).toBe(false);
    await vi.waitFor(() => expect(botProcess!.output()).toMatch(/"command":"win".*"outcome":"ok"/), { timeout: 5000 });
    for (const line of botProcess!.output().trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(botProcess!.output()).not.toMatch(/"x"|Bot x/);
    expect(botProcess!.output()).not.toMatch(/"level":50/);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', resolve));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(botProcess!.output()).toContain('shutting down');
  });
});

describe('a GATEWAY=off worker as its own process', () => {
  let sandbox: Sandbox;
  let botProcess: BotProcess | undefined;
  const drops: (() => Promise<void>)[] = [];

  afterAll(async () => {
    await botProcess?.close();
    await sandbox?.close();
    for (const drop of drops) await drop();
  });

  it('answers /win delivered as signed HTTP, with no gateway session', async () => {
    // The worker checks each signed timestamp against its own clock: the sandbox signs at the real time.
    sandbox = await startSandbox({ clock: new ManualClock(new Date()), token: 'x' });
    const env = { ...(await environment(sandbox, drops)), GATEWAY: 'off', DISCORD_PUBLIC_KEY: sandbox.publicKey, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' };
    botProcess = await startBotProcess(env, { ready: 'ready as a worker' });
    const bot = botProcess;
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
