// What the signatures of SPEC §11 cost on this machine, per /win delivered over HTTP: the bot's check (the
// endpoint's own `signatureHolds`) and Discord's signing (here the stand-in's), on the body the stand-in
// really sends for a /win. Over the gateway neither is paid; over HTTP both run on the cores the bench shares.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commands } from '../commands/index.js';
import { ManualClock } from '../src/clock.js';
import { deployCommands } from '../src/discord/deploy.js';
import { publicKeyFromHex, signatureHolds } from '../src/discord/interactions-endpoint.js';
import { startSandbox } from '../src/sandbox/index.js';
import { median } from './win-throughput.js';

export interface SignatureCosts {
  /** The bot's check of one /win's signature (µs of CPU). */
  verifyUs: number;
  /** Signing one /win (µs of CPU): Discord's side, the stand-in's here. */
  signUs: number;
  /** The size of the /win the stand-in sends (bytes). */
  bodyBytes: number;
}

/** CPU per call (µs) of `work`, the median of `batches` batches of `calls`. */
function cpuPerCall(work: () => unknown, batches: number, calls: number): number {
  const each: number[] = [];
  for (let b = 0; b < batches; b++) {
    const before = process.cpuUsage();
    for (let i = 0; i < calls; i++) work();
    const spent = process.cpuUsage(before);
    each.push((spent.user + spent.system) / calls);
  }
  return median(each);
}

/** One /win as the stand-in sends it over HTTP, then its check and its signing timed in this process. */
export async function signatureCosts(batches = 7, calls = 300): Promise<SignatureCosts> {
  const now = new Date('2026-03-04T12:00:00Z');
  const sandbox = await startSandbox({ clock: new ManualClock(now), token: 'x', responseDeadlineMs: 5_000 });
  let captured: { body: Buffer; signature: string; timestamp: string } | undefined;
  const endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured = { body: Buffer.concat(chunks), signature: String(request.headers['x-signature-ed25519']), timestamp: String(request.headers['x-signature-timestamp']) };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 4, data: { content: 'ok' } }));
    });
  });
  try {
    await deployCommands(commands, { apiUrl: sandbox.apiUrl, token: 'x' });
    sandbox.addUser('member0');
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    sandbox.deliverOverHttp(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions`);
    await sandbox.chatInput('member0', { name: 'win', options: { text: 'bench win 123456' } });
    if (!captured) throw new Error('the stand-in sent no /win');
    const { body, signature, timestamp } = captured;
    const key = publicKeyFromHex(sandbox.publicKey);
    if (!signatureHolds(key, signature, timestamp, body, now)) throw new Error("the stand-in's signature does not hold");
    const text = body.toString('utf8');
    const verifyUs = cpuPerCall(() => signatureHolds(key, signature, timestamp, body, now), batches, calls);
    const signUs = cpuPerCall(() => sandbox.signedHeaders(text, timestamp), batches, calls);
    return { verifyUs, signUs, bodyBytes: body.length };
  } finally {
    sandbox.deliverOverHttp(undefined);
    endpoint.close();
    await sandbox.close();
  }
}
