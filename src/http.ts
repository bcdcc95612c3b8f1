import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { getRequestListener, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface HealthSource {
  /** Each check answers true when healthy; a throw, a false or no answer in time counts as failing. */
  checks: Record<string, () => boolean | Promise<boolean>>;
  registry: Registry;
}

// An orchestrator's probe gives up after a few seconds; a stalled database must fail the check first.
const CHECK_TIMEOUT_MS = 2500;

/** `/healthz` (503 naming the failing checks) and `/metrics` (Prometheus' text format), else the web view or 404. */
/** `POST /interactions` (src/discord/interactions-endpoint.ts), when DISCORD_PUBLIC_KEY is set. */
export type InteractionsHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

function healthApp(source: HealthSource, logger: Logger): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.all('/healthz', async (c) => {
    const results = Object.fromEntries(await Promise.all(Object.entries(source.checks).map(async ([name, check]) => [name, await passes(check)] as const)));
    const failing = Object.keys(results).filter((name) => !results[name]);
    const body = JSON.stringify({ status: failing.length === 0 ? 'ok' : 'unhealthy', failing, checks: results });
    return c.body(body, failing.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
  });
  app.all('/metrics', async (c) => c.body(await source.registry.metrics(), 200, { 'content-type': source.registry.contentType }));
  app.all('*', (c) => c.body('not found\n', 404, { 'content-type': 'text/plain' }));
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, 'http request failed');
    return c.body('internal error\n', 500, { 'content-type': 'text/plain' });
  });
  return app;
}

/** Serves `healthApp` on HTTP_PORT (and HTTP_HOST). */
export async function startHttpServer(
  listen: { port: number; host: string },
  source: HealthSource,
  logger: Logger,
  web?: RequestListener,
  interactions?: InteractionsHandler,
): Promise<Server> {
  const listener = getRequestListener(healthApp(source, logger).fetch);
  // The interactions endpoint and the web view answer on Node's own request and response (an async handler
  // cannot be nested inside hono's, which would end the response first); hono serves the health paths.
  const ownPaths = /^\/(healthz|metrics|interactions)(\?|$)/;
  const interactionsPath = /^\/interactions(\?|$)/;
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (interactions && interactionsPath.test(url)) void interactions(request, response);
    else if (web && !ownPaths.test(url)) void web(request, response);
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
