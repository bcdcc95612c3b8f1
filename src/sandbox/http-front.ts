import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { ApiError } from './errors.js';
import { asString, type Json } from './json.js';
import type { FaultRule, Violation } from './types.js';

export interface UploadedFile {
  index: number;
  filename: string;
  contentType: string | undefined;
  data: Buffer;
}

export interface RequestContext {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RouteResult {
  status?: number;
  body?: Json;
  headers?: Record<string, string>;
  raw?: Buffer;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Interaction callbacks and webhooks are authorised by their token, not the bot token. */
  auth: boolean;
  handler: (ctx: RequestContext, params: string[]) => RouteResult | Promise<RouteResult>;
}

const VIOLATION_CODES = new Set([50035, 50006, 40060, 40005]);

/** Turns HTTP requests into route calls: auth, body parsing, fault injection, Discord-shaped errors. */
export class HttpFront {
  readonly violations: Violation[] = [];
  readonly #faults: (FaultRule & { remaining: number })[] = [];
  #inFlight = 0;
  #lastActivity = performance.now();

  constructor(
    private readonly routes: Route[],
    private readonly token: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  failNext(rule: FaultRule): void {
    this.#faults.push({ ...rule, remaining: rule.times ?? 1 });
  }

  /**
   * True once no request has been in flight or arrived for `quietMs` since the call, nor `busy()` said so
   * (the client's own report of work in flight, when it gives one); false on timeout.
   */
  async idle(quietMs: number, timeoutMs: number, busy?: () => boolean): Promise<boolean> {
    const calledAt = performance.now();
    const deadline = calledAt + timeoutMs;
    let lastBusy = calledAt;
    for (;;) {
      const now = performance.now();
      if (busy?.() === true) lastBusy = now;
      // Quiet counts from the latest of the last request, the client's last busy moment and this call, so work just triggered gets a chance to start.
      if (this.#inFlight === 0 && now - Math.max(this.#lastActivity, lastBusy) >= quietMs) return true;
      if (now > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#inFlight += 1;
    this.#lastActivity = performance.now();
    try {
      const result = await this.#route(req);
      const status = result.status ?? 200;
      if (result.raw) {
        res.writeHead(status, result.headers ?? {}).end(result.raw);
      } else if (result.body === undefined) {
        res.writeHead(status, result.headers ?? {}).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json', ...result.headers }).end(JSON.stringify(result.body));
      }
    } finally {
      this.#inFlight -= 1;
      this.#lastActivity = performance.now();
    }
  }

  async #route(req: IncomingMessage): Promise<RouteResult> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    const match = /^\/api(?:\/v\d+)?(\/.*)$/.exec(url.pathname);
    const path = match?.[1] ? match[1].split('/').map(decodeURIComponent).join('/') : url.pathname;
    const route = this.#find(method, match ? path : `/_raw${path}`);
    try {
      const fault = this.#takeFault(method, path);
      if (fault) return fault;
      if (!route) {
        this.logger.warn({ method, path: url.pathname }, 'sandbox: unknown route');
        throw new ApiError(404, 0, '404: Not Found');
      }
      if (route.route.auth && req.headers.authorization !== `Bot ${this.token}`) throw new ApiError(401, 0, '401: Unauthorized');
      const ctx: RequestContext = { method, path, query: url.searchParams, body: undefined, files: [] };
      await parseBody(ctx, rawBody, req.headers['content-type']);
      return await route.route.handler(ctx, route.params);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        this.logger.error({ err: error, method, path }, 'sandbox: route failed');
        return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
      }
      if (VIOLATION_CODES.has(error.code)) {
        this.violations.push({ at: this.now(), method, path, status: error.status, code: error.code, message: error.message, errors: error.errors });
        this.logger.warn({ method, path, code: error.code, errors: error.errors }, `sandbox: rejected ${error.message}`);
      }
      return { status: error.status, body: error.body() };
    }
  }

  #find(method: string, path: string): { route: Route; params: string[] } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) return { route, params: m.slice(1).map((p) => p ?? '') };
    }
    return undefined;
  }

  #takeFault(method: string, path: string): RouteResult | undefined {
    const index = this.#faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && f.path.test(path));
    const fault = this.#faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    this.logger.info({ method, path, status: fault.status }, 'sandbox: injected fault');
    return faultResponse(fault);
  }
}

function faultResponse(fault: FaultRule): RouteResult {
  switch (fault.status) {
    case 429: {
      const retryAfter = fault.retryAfter ?? 0.05;
      return {
        status: 429,
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'sandbox-fault',
          'x-ratelimit-scope': 'user',
        },
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      };
    }
    case 403:
      return { status: 403, body: fault.code === 50001 ? { message: 'Missing Access', code: 50001 } : { message: 'Missing Permissions', code: 50013 } };
    case 404:
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    default:
      return { status: fault.status, body: { message: `${fault.status}: Server Error`, code: 0 } };
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(ctx: RequestContext, raw: Buffer, contentType: string | undefined): Promise<void> {
  if (raw.length === 0) return;
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form.entries()) {
      const index = /^files\[(\d+)\]$/.exec(key)?.[1];
      if (key === 'payload_json') ctx.body = parseJson(asString(value) ?? '');
      else if (index !== undefined && typeof value !== 'string')
        ctx.files.push({ index: Number(index), filename: value.name, contentType: value.type || undefined, data: Buffer.from(await value.arrayBuffer()) });
    }
    return;
  }
  ctx.body = parseJson(raw.toString('utf8'));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}
