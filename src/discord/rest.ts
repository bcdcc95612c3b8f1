import { Agent as HttpAgent, request as httpRequest, STATUS_CODES, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type * as RestModule from '@discordjs/rest';
import { REST_POLICY } from '../domain/retry-policy.js';
import { rest } from './rest-web-build.js';

/*
 * @discordjs/rest, without undici. Its Node build loads undici (about a hundred modules, and llhttp's
 * WebAssembly compiled as it loads): some 10 MB resident in a process that makes a few REST calls a
 * second. Its other build (the same classes, for runtimes with `fetch`) takes the transport as an
 * option; here that is Node's own http(s) client, whose HTTP parser is native.
 * Every value of the package is taken from here, so there is one DiscordAPIError class to test against.
 */
export const { DiscordAPIError, HTTPError, RateLimitError, DefaultUserAgent } = rest;
export type DiscordAPIError = RestModule.DiscordAPIError;
export type REST = RestModule.REST;
export type { RawFile } from '@discordjs/rest';

type RequestInit = Parameters<RestModule.RESTOptions['makeRequest']>[1];
type ResponseLike = Awaited<ReturnType<RestModule.RESTOptions['makeRequest']>>;

// Connections are kept between calls, as undici's pool did.
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

/** The headers of a response, read as `fetch`'s Headers are (case-insensitive; repeated ones joined with ", "). */
class ResponseHeaders {
  readonly #values: IncomingMessage['headers'];
  constructor(values: IncomingMessage['headers']) {
    this.#values = values;
  }
  get(name: string): string | null {
    const value = this.#values[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.#values[name.toLowerCase()] !== undefined;
  }
}

/** A request body as bytes or text, and its content type when the body sets one (a multipart upload). */
async function bodyOf(body: RequestInit['body']): Promise<{ data: string | Uint8Array | undefined; contentType?: string }> {
  if (body === null || body === undefined) return { data: undefined };
  if (typeof body === 'string') return { data: body };
  if (body instanceof Uint8Array) return { data: body };
  if (body instanceof ArrayBuffer) return { data: new Uint8Array(body) };
  // FormData (files) and anything else a Response can read: encoded as fetch would send it.
  const encoded = new Response(body as ConstructorParameters<typeof Response>[0]);
  return { data: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? undefined };
}

/** Where a request goes, as node:http(s) takes it: parsed once for a base URL that many requests share. */
export interface Target {
  secure: boolean;
  hostname: string;
  port: number | undefined;
  /** The path and query. */
  path: string;
}

/** A URL as a Target (what node:http does with a URL string on every call: about a sixth of a small POST's CPU here). */
export function targetOf(url: string): Target {
  const parsed = new URL(url);
  // An IPv6 host comes bracketed; node:http wants it bare.
  const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
  return { secure: parsed.protocol === 'https:', hostname, port: parsed.port ? Number(parsed.port) : undefined, path: `${parsed.pathname}${parsed.search}` };
}

/**
 * One request over node:http(s) on the shared keep-alive agents, its response read whole (Discord's
 * answers are small JSON or empty). `timeoutMs` ends a request whose connection stays silent that long
 * with an AbortError, the name the REST client's own timeout gives (for callers without its AbortController).
 */
export function requestWhole(
  to: string | Target,
  options: { method: string; headers: Record<string, string>; signal?: AbortSignal | undefined; timeoutMs?: number },
  data: string | Uint8Array | undefined,
): Promise<{ message: IncomingMessage; body: Buffer }> {
  const { secure, hostname, port, path } = typeof to === 'string' ? targetOf(to) : to;
  return new Promise((resolve, reject) => {
    const target = { hostname, port, path, method: options.method, headers: options.headers, agent: secure ? agents.https : agents.http, signal: options.signal };
    const request = (secure ? httpsRequest : httpRequest)(target, (message) => {
      const chunks: Buffer[] = [];
      message.on('data', (chunk: Buffer) => chunks.push(chunk));
      message.once('end', () => resolve({ message, body: Buffer.concat(chunks) }));
      message.once('error', reject);
    });
    const { timeoutMs } = options;
    if (timeoutMs !== undefined) request.setTimeout(timeoutMs, () => request.destroy(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })));
    request.once('error', reject);
    request.end(data);
  });
}

/** One request for the REST client, through `requestWhole`. */
async function makeRequest(url: string, init: RequestInit): Promise<ResponseLike> {
  const { data, contentType } = await bodyOf(init.body);
  const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
  if (contentType) headers['Content-Type'] = contentType;
  if (data !== undefined) headers['Content-Length'] = String(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
  const response = await requestWhole(url, { method: init.method ?? 'GET', headers, signal: init.signal ?? undefined }, data);
  const status = response.message.statusCode ?? 0;
  let used = false;
  const read = () => {
    used = true;
    return response.body;
  };
  return {
    body: null,
    get bodyUsed() {
      return used;
    },
    headers: new ResponseHeaders(response.message.headers) as unknown as ResponseLike['headers'],
    status,
    statusText: STATUS_CODES[status] ?? '',
    ok: status >= 200 && status < 300,
    arrayBuffer: async () => {
      const bytes = read();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
    json: async () => JSON.parse(read().toString('utf8')) as unknown,
    text: async () => read().toString('utf8'),
  };
}

/** A REST client with the transport above (the deploy command and the REST proxy make their own too). */
export function restClient(options: Partial<RestModule.RESTOptions>): REST {
  return new rest.REST({ ...options, makeRequest });
}

/** The REST client every Discord call goes through (answers, posts, DMs): one per process. */
export function createRest(apiUrl: string, token: string): REST {
  return restClient({
    api: apiUrl,
    timeout: REST_POLICY.timeoutMs,
    retries: REST_POLICY.retries,
    // A long rate limit fails the request instead of holding a claimed job past its lease.
    rejectOnRateLimit: (limit) => limit.retryAfter > REST_POLICY.maxRateLimitWaitMs,
  }).setToken(token);
}
