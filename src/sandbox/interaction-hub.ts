import { randomBytes, sign, type KeyObject } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { alreadyAcknowledged, ApiError, unknownInteraction, unknownMessage, unknownWebhook } from './errors.js';
import type { RequestContext, RouteResult } from './http-front.js';
import { asArray, asNumber, asObject, type JsonObject } from './json.js';
import { bodyObject, messageFields } from './message-body.js';
import { apiMessage } from './payloads.js';
import { EPHEMERAL, type SandboxState } from './state.js';
import type { Choice, InteractionResult, StoredMessage, Violation } from './types.js';
import { validateChoices, validateMessageBody } from './validate.js';

const LOADING = 128;

/** Where interactions are posted over HTTP: the URL as given, and as node:http's request options (parsed once, not per POST). */
interface Endpoint {
  url: string;
  options: { hostname: string; port: string; path: string };
}

const endpointOf = (url: string): Endpoint => {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') throw new Error(`The sandbox posts interactions over plain HTTP (node:http), not to ${url}`);
  // node:http wants an IPv6 host without its brackets.
  return { url, options: { hostname: parsed.hostname.replace(/^\[|\]$/g, ''), port: parsed.port || '80', path: `${parsed.pathname}${parsed.search}` } };
};

// Tokens are cut from one random block at a time: a call into the system's random source for every
// interaction cost the stand-in 4% of its CPU under the bench's load.
const TOKEN_BYTES = 32;
let tokenBlock = Buffer.alloc(0);
let tokenOffset = 0;
function interactionToken(): string {
  if (tokenOffset + TOKEN_BYTES > tokenBlock.length) {
    tokenBlock = randomBytes(TOKEN_BYTES * 256);
    tokenOffset = 0;
  }
  const token = tokenBlock.toString('base64url', tokenOffset, tokenOffset + TOKEN_BYTES);
  tokenOffset += TOKEN_BYTES;
  return `aW50ZXJhY3Rpb24${token}`;
}

export interface InteractionMeta {
  type: number;
  userId: string;
  channelId: string;
  name: string;
  /** Message type of replies: 20 chat input, 23 context menu, 0 component. */
  messageType: number;
  sourceMessageId?: string;
}

interface Pending extends InteractionMeta {
  id: string;
  token: string;
  startedAt: number;
  status: 'pending' | 'acknowledged' | 'expired';
  originalId: string | undefined;
  waitingForEdit: boolean;
  result: InteractionResult;
  settle: () => void;
  timers: NodeJS.Timeout[];
  /** Over HTTP: until the bot's HTTP response has been taken as the callback (webhook calls wait for it, as on Discord). */
  responding: Promise<void> | undefined;
}

export interface HubOptions {
  responseDeadlineMs: number;
  deferTimeoutMs: number;
  dispatch: (payload: JsonObject) => void;
  attachmentUrl: (channelId: string, id: string, filename: string) => string;
  /** Signs what is delivered over HTTP (Ed25519); the bot verifies with the public half. */
  signingKey: KeyObject;
  now: () => Date;
  /** An HTTP answer Discord would have refused. */
  reportViolation: (violation: Violation) => void;
}

/** Tracks interactions from INTERACTION_CREATE to their callback, edits and follow-ups. */
export class InteractionHub {
  readonly #byId = new Map<string, Pending>();
  /** Set: interactions go to the bot's interactions endpoint as signed HTTP POSTs instead of the gateway. */
  #httpUrls: Endpoint[] = [];
  #nextUrl = 0;

  constructor(
    private readonly state: SandboxState,
    private readonly opts: HubOptions,
  ) {}

  /** Sends the interaction and resolves when the bot has answered (or failed to, like on Discord). */
  run(meta: InteractionMeta, build: (ids: { id: string; token: string }) => JsonObject): Promise<InteractionResult> {
    const id = this.state.ids.next();
    const token = interactionToken();
    const result: InteractionResult = { interactionId: id, kind: 'none', ephemeral: false, failed: false, message: undefined, followUps: [], choices: undefined, modal: undefined, respondedInMs: undefined };
    return new Promise((resolve) => {
      let settled = false;
      // Field by field, not `{ ...meta, id }`: on Node 20 such a literal gets a hidden class of its own each time.
      const pending: Pending = {
        type: meta.type, userId: meta.userId, channelId: meta.channelId, name: meta.name, messageType: meta.messageType, sourceMessageId: meta.sourceMessageId,
        id, token, startedAt: performance.now(), status: 'pending', originalId: meta.sourceMessageId, waitingForEdit: false, result, timers: [],
        responding: undefined,
        settle: () => {
          if (settled) return;
          settled = true;
          pending.timers.forEach(clearTimeout);
          resolve(result);
        },
      };
      this.#byId.set(id, pending);
      pending.timers.push(setTimeout(() => this.#expire(pending), this.opts.responseDeadlineMs));
      const payload = build({ id, token });
      const endpoint = this.#httpUrls[this.#nextUrl++ % Math.max(1, this.#httpUrls.length)];
      if (endpoint === undefined) this.opts.dispatch(payload);
      else pending.responding = this.#post(endpoint, pending, payload);
    });
  }

  /** Where interactions go: the bot's `POST /interactions` URL, or undefined for the gateway. */
  deliverOverHttp(url: string | readonly string[] | undefined): void {
    this.#httpUrls = (url === undefined ? [] : typeof url === 'string' ? [url] : [...url]).map(endpointOf);
  }

  get overHttp(): boolean {
    return this.#httpUrls.length > 0;
  }

  /** The headers Discord would send with `body` at `timestamp` (seconds). */
  signedHeaders(body: string, timestamp: string): Record<string, string> {
    return { 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), this.opts.signingKey).toString('hex'), 'x-signature-timestamp': timestamp };
  }

  /** How many interactions went to the bot as HTTP POSTs. */
  httpDeliveries = 0;

  /**
   * What the Developer Portal does when an Interactions Endpoint URL is saved: a signed PING (expects a PONG)
   * and the same PING with a wrong signature (expects a 401).
   */
  async checkEndpoint(url: string): Promise<{ pong: unknown; forgedStatus: number }> {
    const body = JSON.stringify({ id: this.state.ids.next(), application_id: this.state.applicationId, type: 1, token: 'ping', version: 1 });
    const timestamp = String(Math.floor(this.opts.now().getTime() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), this.opts.signingKey).toString('hex');
    const headers = (sig: string) => ({ 'content-type': 'application/json', 'x-signature-ed25519': sig, 'x-signature-timestamp': timestamp });
    const pong: unknown = await (await fetch(url, { method: 'POST', body, headers: headers(signature) })).json();
    const forged = `${signature.slice(0, -2)}${signature.endsWith('00') ? '01' : '00'}`;
    const rejected = await fetch(url, { method: 'POST', body, headers: headers(forged) });
    await rejected.arrayBuffer();
    return { pong, forgedStatus: rejected.status };
  }

  /** As Discord: a signed POST; the response body is the interaction's callback. */
  async #post(endpoint: Endpoint, p: Pending, payload: JsonObject): Promise<void> {
    this.httpDeliveries += 1;
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(this.opts.now().getTime() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), this.opts.signingKey).toString('hex');
    const response = await this.#postJson(endpoint, body, signature, timestamp);
    // Unreachable or refused: the interaction fails at its deadline, as on Discord.
    if (response?.status !== 200) return;
    let answer: unknown;
    try {
      answer = JSON.parse(response.body);
    } catch {
      answer = undefined;
    }
    try {
      this.callback({ method: 'POST', path: `/interactions/${p.id}/${p.token}/callback`, query: new URLSearchParams(), body: answer, files: [] }, p.id, p.token);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.opts.reportViolation({ at: this.opts.now(), method: 'POST', path: endpoint.url, status: error.status, code: error.code, message: error.message, errors: error.errors });
    }
  }

  // node:http on kept-alive connections rather than fetch: undici's fetch cost the stand-in more CPU per
  // interaction than the bot spends answering it, on the same cores the bench measures the bot on.
  readonly #agent = new Agent({ keepAlive: true });

  /** A signed POST of `body` as JSON; its status and body, or undefined when the bot could not be reached. */
  #postJson(endpoint: Endpoint, body: string, signature: string, timestamp: string): Promise<{ status: number; body: string } | undefined> {
    const { hostname, port, path } = endpoint.options;
    const headers = { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    return new Promise((resolve) => {
      const req = request({ method: 'POST', hostname, port, path, agent: this.#agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve(undefined));
      });
      req.on('error', () => resolve(undefined));
      req.end(body);
    });
  }

  /** Webhook calls for an interaction delivered over HTTP wait until its HTTP response has been taken. */
  async settled(token: string): Promise<void> {
    for (const p of this.#byId.values()) if (p.token === token) await p.responding;
  }

  callback(ctx: RequestContext, id: string, token: string): RouteResult {
    const p = this.#byId.get(id);
    if (!p || p.token !== token || p.status === 'expired') throw unknownInteraction();
    if (p.status === 'acknowledged') throw alreadyAcknowledged();
    const body = bodyObject(ctx.body);
    const data = asObject(body.data) ?? {};
    const type = asNumber(body.type);
    const isComponent = p.type === 3;
    const allowed = p.type === 4 ? [8] : isComponent ? [4, 5, 6, 7, 9] : [4, 5, 9];
    if (type === undefined || !allowed.includes(type))
      throw new ApiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Response type ${String(type)} is not valid for this interaction` }] } });
    const result = p.result;
    if (type === 4 || type === 7) {
      const invalid = validateMessageBody(data, { creating: type === 4, files: ctx.files });
      if (invalid) throw invalid;
    }
    if (type === 8) {
      const invalid = validateChoices(asArray(data.choices));
      if (invalid) throw invalid;
    }
    p.status = 'acknowledged';
    result.respondedInMs = Math.round(performance.now() - p.startedAt);
    let message: StoredMessage | undefined;
    switch (type) {
      case 4:
      case 5: {
        const fields = type === 4 ? this.#fields(ctx, data, p.channelId) : { flags: LOADING | ((asNumber(data.flags) ?? 0) & EPHEMERAL) };
        message = this.#create(p, fields);
        p.originalId = message.id;
        result.kind = type === 4 ? 'reply' : 'deferred';
        result.ephemeral = message.ephemeral;
        break;
      }
      case 6:
      case 7:
        message = this.state.message(p.sourceMessageId ?? '');
        if (message && type === 7) this.state.editMessage(message, this.#fields(ctx, data, message.channel_id, message));
        result.kind = 'update';
        result.ephemeral = message?.ephemeral ?? false;
        break;
      case 8:
        result.kind = 'autocomplete';
        result.choices = asArray(data.choices).map((c) => c as unknown as Choice);
        break;
      default:
        result.kind = 'modal';
        result.modal = data;
    }
    result.message = message;
    if (type === 5 || type === 6) {
      p.waitingForEdit = true;
      p.timers.push(setTimeout(p.settle, this.opts.deferTimeoutMs));
    } else p.settle();
    if (ctx.query.get('with_response') !== 'true') return { status: 204 };
    const callback: JsonObject = { id: p.id, type: p.type, response_message_id: message?.id ?? null, response_message_loading: type === 5, response_message_ephemeral: result.ephemeral };
    const resource: JsonObject = { type };
    if (message && type !== 6) resource.message = apiMessage(this.state, message);
    return { body: { interaction: callback, resource } };
  }

  /** `/webhooks/{app}/{token}/messages/{@original | id}`. */
  webhookMessage(ctx: RequestContext, app: string, token: string, messageId: string): RouteResult {
    const p = this.#byToken(app, token);
    const id = messageId === '@original' ? p.originalId : messageId;
    const msg = this.state.message(id ?? '');
    const own = msg && (msg.id === p.originalId || p.result.followUps.includes(msg));
    if (!msg || !own) throw unknownMessage();
    if (ctx.method === 'GET') return { body: apiMessage(this.state, msg) };
    if (ctx.method === 'DELETE') {
      this.state.deleteMessage(msg);
      return { status: 204 };
    }
    const body = bodyObject(ctx.body);
    const invalid = validateMessageBody(body, { creating: false, files: ctx.files });
    if (invalid) throw invalid;
    this.#edit(p, msg, this.#fields(ctx, body, msg.channel_id, msg));
    return { body: apiMessage(this.state, msg) };
  }

  /** `POST /webhooks/{app}/{token}`: a follow-up; the first one after a defer fills the loading message. */
  followUp(ctx: RequestContext, app: string, token: string): RouteResult {
    const p = this.#byToken(app, token);
    const body = bodyObject(ctx.body);
    const invalid = validateMessageBody(body, { creating: true, files: ctx.files });
    if (invalid) throw invalid;
    const original = this.state.message(p.originalId ?? '');
    let msg: StoredMessage;
    if (original && (original.flags & LOADING) !== 0) {
      msg = this.#edit(p, original, this.#fields(ctx, body, p.channelId, original));
    } else {
      msg = this.#create(p, this.#fields(ctx, body, p.channelId));
      p.result.followUps.push(msg);
    }
    return ctx.query.get('wait') === 'false' ? { status: 204 } : { body: apiMessage(this.state, msg) };
  }

  close(): void {
    for (const p of this.#byId.values()) this.#expire(p);
    this.#agent.destroy();
  }

  #expire(p: Pending): void {
    if (p.status === 'pending') {
      p.status = 'expired';
      p.result.failed = true;
      p.result.kind = 'none';
    }
    p.settle();
  }

  #byToken(app: string, token: string): Pending {
    const p = [...this.#byId.values()].find((x) => x.token === token);
    if (!p || app !== this.state.applicationId || p.status !== 'acknowledged') throw unknownWebhook();
    return p;
  }

  #fields(ctx: RequestContext, body: JsonObject, channelId: string, existing?: StoredMessage): ReturnType<typeof messageFields> {
    return messageFields(this.state, body, ctx.files, existing?.attachments, this.opts.attachmentUrl, channelId);
  }

  #create(p: Pending, fields: ReturnType<typeof messageFields>): StoredMessage {
    return this.state.createMessage({
      ...fields,
      channelId: p.channelId,
      authorId: this.state.botUserId,
      type: p.messageType,
      webhookId: this.state.applicationId,
      interaction: { id: p.id, type: p.type, name: p.name, userId: p.userId },
    });
  }

  #edit(p: Pending, msg: StoredMessage, fields: ReturnType<typeof messageFields>): StoredMessage {
    const firstFill = (msg.flags & LOADING) !== 0;
    if (firstFill) fields.flags = (fields.flags ?? 0) & ~LOADING;
    this.state.editMessage(msg, fields, !firstFill);
    if (msg.id === p.originalId && p.waitingForEdit) {
      p.waitingForEdit = false;
      p.result.message = msg;
      p.settle();
    }
    return msg;
  }
}
