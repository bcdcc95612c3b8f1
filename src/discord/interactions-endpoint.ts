import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { REST } from '@discordjs/rest';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Intake } from './intake.js';
import { httpResponder, whenSent } from './responders.js';

/** How far a signed timestamp may be from our clock before the request counts as replayed (Discord signs each at send time). */
export const SIGNATURE_MAX_AGE_S = 5 * 60;
/** Interactions are small; anything this big is not from Discord. */
const MAX_BODY_BYTES = 1_000_000;
// The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the portal's key is the 32 raw bytes after it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The Developer Portal's public key (64 hex digits) as a key node's crypto can verify with. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('DISCORD_PUBLIC_KEY must be 64 hex digits (the "Public Key" on the Developer Portal)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** Whether `signature` (hex) signs `timestamp + body` with `key`, and the timestamp is recent. */
export function signatureHolds(key: KeyObject, signature: string | null, timestamp: string | null, body: Buffer, now: Date): boolean {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_MAX_AGE_S) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

/** What the endpoint sends back: a status, a body and, for an interaction's answer, what to do once it has left. */
interface Reply {
  status: number;
  contentType?: 'application/json' | 'text/plain';
  body?: string;
  /** Called once the response has been handed to the network: the webhook routes work from then on. */
  sent?: () => void;
}

const text = (body: string, status: number): Reply => ({ status, contentType: 'text/plain', body });

/** Reads a request's body: 'too large' as soon as it passes `limit` bytes (the rest is never buffered), 'gone' when the client left first. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'gone'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too large');
        request.removeAllListeners('data');
        request.resume();
      } else chunks.push(chunk);
    });
    request.once('end', () => resolve(size > limit ? 'too large' : Buffer.concat(chunks, size)));
    request.once('error', reject);
    // After 'end' this changes nothing; before it, the client hung up.
    request.once('close', () => resolve('gone'));
  });
}

/**
 * `POST /interactions` (SPEC §11): checks the signature before reading anything (401 and nothing touched
 * otherwise), answers PING with PONG, and hands every other interaction to the same intake as the gateway;
 * its first answer becomes this response, later ones go through the webhook routes. Served on Node's own
 * request and response: the hot path of a worker, with no web-standard objects to build for each call (and
 * no undici loaded for them: about 8 MB resident).
 */
export function interactionsEndpoint(parts: { publicKey: string; clock: Clock; intake: Intake; rest: REST; logger: Logger }) {
  const key = publicKeyFromHex(parts.publicKey);

  async function reply(request: IncomingMessage): Promise<Reply> {
    if (request.method !== 'POST') return text('method not allowed\n', 405);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) return text('too large\n', 413);
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === 'too large') return text('too large\n', 413);
    // Nobody is left to answer; nothing was read, so nothing was touched.
    if (body === 'gone') return { status: 400 };
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const signed = signatureHolds(key, header('x-signature-ed25519'), header('x-signature-timestamp'), body, parts.clock.now());
    if (!signed) return text('invalid request signature\n', 401);
    let raw: APIInteraction;
    try {
      raw = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return text('bad json\n', 400);
    }
    if (raw.type === InteractionType.Ping) return { status: 200, contentType: 'application/json', body: JSON.stringify({ type: InteractionResponseType.Pong }) };
    const responder = httpResponder(parts.rest, raw);
    const work = parts.intake.receive(raw, responder);
    const first = await Promise.race([responder.answer.body, work.then(() => undefined)]);
    if (first === undefined) {
      parts.logger.warn({ interaction: raw.id }, 'interaction over HTTP finished without an answer');
      return { status: 204 };
    }
    // Follow-ups wait until this response has left, so Discord has the original before any edit of it.
    return { status: 200, contentType: 'application/json', body: JSON.stringify(first), sent: responder.answer.sent };
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: Reply;
    try {
      answer = await reply(request);
    } catch (error) {
      parts.logger.error({ err: error }, 'interaction over HTTP failed');
      answer = text('internal error\n', 500);
    }
    if (answer.sent) void whenSent(response).then(answer.sent);
    if (response.headersSent || response.destroyed) return;
    // A known length, so the answer is not chunked.
    const headers = answer.body === undefined ? {} : { 'content-type': answer.contentType ?? 'text/plain', 'content-length': Buffer.byteLength(answer.body) };
    response.writeHead(answer.status, headers).end(answer.body);
  };
}
