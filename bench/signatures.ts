// What the signatures of SPEC §11 cost on this machine, per /win delivered over HTTP: the bot's check (the
// endpoint's own `signatureHolds`) and Discord's signing (here the stand-in's), on the body the stand-in
// really sends for a /win. Over the gateway neither is paid; over HTTP both run on the cores the bench shares.
import { ManualClock } from '../src/clock.js';
import { publicKeyFromHex, signatureHolds } from '../src/discord/interactions-endpoint.js';
import { capturedWins } from './captured-wins.js';
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
  const { wins, sandbox } = await capturedWins(new ManualClock(now), 1);
  try {
    const [win] = wins;
    if (!win) throw new Error('the stand-in sent no /win');
    const body = Buffer.from(win.body, 'utf8');
    const key = publicKeyFromHex(sandbox.publicKey);
    if (!signatureHolds(key, win.signature, win.timestamp, body, now)) throw new Error("the stand-in's signature does not hold");
    const verifyUs = cpuPerCall(() => signatureHolds(key, win.signature, win.timestamp, body, now), batches, calls);
    const signUs = cpuPerCall(() => sandbox.signedHeaders(win.body, win.timestamp), batches, calls);
    return { verifyUs, signUs, bodyBytes: body.length };
  } finally {
    await sandbox.close();
  }
}
