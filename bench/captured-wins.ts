// The /wins the sandbox posts to an interactions endpoint, signed as Discord signs them: the `path` part's
// payloads (bench/interaction-path-driver.ts) and the `win` part's signature costs (bench/signatures.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commands } from '../commands/index.js';
import type { Clock } from '../src/clock.js';
import { deployCommands } from '../src/discord/deploy.js';
import { startSandbox, type Sandbox } from '../src/sandbox/index.js';
import { concurrently } from './concurrently.js';

export interface CapturedWin {
  body: string;
  signature: string;
  timestamp: string;
}

/**
 * One /win from each of `members` members, caught by an endpoint that answers each at once. The sandbox
 * stays open for what its payloads name (its API, its key): close it when done.
 */
export async function capturedWins(clock: Clock, members: number): Promise<{ wins: CapturedWin[]; sandbox: Sandbox }> {
  const sandbox = await startSandbox({ clock, token: 'x', responseDeadlineMs: 10_000 });
  await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
  for (let i = 0; i < members; i++) sandbox.addUser(`member${i}`);
  const wins: CapturedWin[] = [];
  const endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      wins.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(request.headers['x-signature-ed25519']), timestamp: String(request.headers['x-signature-timestamp']) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":4,"data":{"content":"ok"}}');
    });
  });
  try {
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    sandbox.deliverOverHttp(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions`);
    await concurrently(members, 16, (i) => sandbox.chatInput(`member${i}`, { name: 'win', options: { text: `a small step, number ${i}` } }));
  } finally {
    sandbox.deliverOverHttp(undefined);
    endpoint.close();
  }
  return { wins, sandbox };
}
