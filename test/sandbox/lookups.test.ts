import { createServer } from 'node:http';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { SandboxState } from '../../src/sandbox/state.js';

describe('sandbox users by name', () => {
  it('finds a user by name, case-insensitively and with an @, and never answers a user no longer there or renamed', () => {
    const state = new SandboxState(new ManualClock('2026-11-30T08:00:00Z'), 'bot');
    const bob = state.addUser('bob');
    expect(state.userByName('@Bob')).toBe(bob);
    expect(state.userByName('bob')).toBe(bob);
    // `users` is a plain map anyone may change: a remembered answer must not outlive it.
    const replaced = { ...bob, username: 'bob' };
    state.users.set(bob.id, replaced);
    expect(state.userByName('bob')).toBe(replaced);
    replaced.username = 'robert';
    expect(state.userByName('bob')).toBeUndefined();
    expect(state.userByName('Robert')).toBe(replaced);
    state.users.delete(bob.id);
    expect(state.userByName('robert')).toBeUndefined();
  });
});

describe('sandbox delivery over HTTP', () => {
  let sandbox: Sandbox;
  const bodies: { path: string | undefined; body: { token: string } }[] = [];
  const endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push({ path: request.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { token: string } });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":4,"data":{"content":"ok"}}');
    });
  });
  beforeAll(async () => {
    sandbox = await startSandbox({ clock: new ManualClock('2026-11-30T08:00:00Z') });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const port = (endpoint.address() as { port: number }).port;
    const rest = new REST({ api: sandbox.apiUrl }).setToken(sandbox.token);
    await rest.put(Routes.applicationCommands(sandbox.applicationId), { body: [{ name: 'ping', description: 'Ping' }] });
    sandbox.deliverOverHttp(`http://127.0.0.1:${port}/bot/interactions?shard=1`);
  });
  afterAll(async () => {
    endpoint.close();
    await sandbox.close();
  });

  it('posts to the path and query of the URL it was given, with a fresh token for every interaction', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, () => sandbox.chatInput('alice', { name: 'ping' })));
    expect(answers.every((a) => a.kind === 'reply')).toBe(true);
    expect(new Set(bodies.map((b) => b.path))).toEqual(new Set(['/bot/interactions?shard=1']));
    const tokens = bodies.map((b) => b.body.token);
    expect(new Set(tokens).size).toBe(300);
    expect(tokens.every((token) => /^aW50ZXJhY3Rpb24[\w-]{43}$/.test(token))).toBe(true);
  });

  it('refuses an endpoint it cannot post to with node:http, saying so', () => {
    expect(() => sandbox.deliverOverHttp('https://example.test/interactions')).toThrow(/plain HTTP/);
  });
});
