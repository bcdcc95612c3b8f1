import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** `POST /interactions` (src/discord/interactions-endpoint.ts), when DISCORD_PUBLIC_KEY is set. */
export type InteractionsHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export interface HealthSource {
  /** Each check answers true when healthy; a throw, a false or no answer in time counts as failing. */
  checks: Record<string, () => boolean | Promise<boolean>>;
  registry: Registry;
}

// An orchestrator's probe gives up after a few seconds; a stalled database must fail the check first.
const CHECK_TIMEOUT_MS = 2500;

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) }).end(body);
}

/**
 * `/healthz` (503 naming the failing checks), `/metrics` (Prometheus' text format) and `POST /interactions`
 * (src/discord/interactions-endpoint.ts, when DISCORD_PUBLIC_KEY is set), else 404, any method.
 * Plain node:http: a framework on fetch's Request and Response would load undici (about 8 MB resident)
 * into every process with HTTP_PORT, for three fixed paths.
 */
function ownRoutes(source: HealthSource, logger: Logger, interactions: InteractionsHandler | undefined) {
  const route = async (path: string, request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (path === '/interactions' && interactions) return interactions(request, response);
    if (path === '/healthz') {
      const results = Object.fromEntries(await Promise.all(Object.entries(source.checks).map(async ([name, check]) => [name, await passes(check)] as const)));
      const failing = Object.keys(results).filter((name) => !results[name]);
      const body = JSON.stringify({ status: failing.length === 0 ? 'ok' : 'unhealthy', failing, checks: results });
      return send(response, failing.length === 0 ? 200 : 503, 'application/json', body);
    }
    if (path === '/metrics') return send(response, 200, source.registry.contentType, await source.registry.metrics());
    send(response, 404, 'text/plain', 'not found\n');
  };
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = pathOf(request.url);
    try {
      await route(path, request, response);
    } catch (error) {
      logger.error({ err: error, path }, 'http request failed');
      if (!response.headersSent) send(response, 500, 'text/plain', 'internal error\n');
      else response.destroy();
    }
  };
}

/** The path of a request's URL, without its query. */
function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}

/** Serves `ownRoutes` on HTTP_PORT (and HTTP_HOST). */
export async function startHttpServer(
  listen: { port: number; host: string },
  source: HealthSource,
  logger: Logger,
  web?: RequestListener,
  interactions?: InteractionsHandler,
): Promise<Server> {
  const listener = ownRoutes(source, logger, interactions);
  // The web view owns every other path and answers on Node's own request and response.
  const ownPaths = /^\/(healthz|metrics|interactions)(\?|$)/;
  const server = createServer((request, response) => {
    if (web && !ownPaths.test(request.url ?? '/')) void web(request, response);
    else void listener(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, resolve);
  });
  const address = server.address();
  logger.info({ host: listen.host, port: typeof address === 'object' && address ? address.port : listen.port }, 'health and metrics listening');
  return server;
}

async function passes(check: () => boolean | Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([Promise.resolve().then(check).catch(() => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
