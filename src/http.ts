import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface HealthSource {
  /** Each check answers true when healthy; a throw, a false or no answer in time counts as failing. */
  checks: Record<string, () => boolean | Promise<boolean>>;
  registry: Registry;
}

// An orchestrator's probe gives up after a few seconds; a stalled database must fail the check first.
const CHECK_TIMEOUT_MS = 2500;

/** `/healthz` for orchestrators (503 naming the failing checks), `/metrics` in Prometheus' text format. */
export async function startHttpServer(listen: { port: number; host: string }, source: HealthSource, logger: Logger, web?: RequestListener): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = (request.url ?? '/').split('?')[0];
      if (path === '/healthz') {
        const results = Object.fromEntries(
          await Promise.all(Object.entries(source.checks).map(async ([name, check]) => [name, await passes(check)] as const)),
        );
        const failing = Object.keys(results).filter((name) => !results[name]);
        response.writeHead(failing.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: failing.length === 0 ? 'ok' : 'unhealthy', failing, checks: results }));
      } else if (path === '/metrics') {
        const body = await source.registry.metrics();
        response.writeHead(200, { 'content-type': source.registry.contentType });
        response.end(body);
      } else if (web) {
        web(request, response);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found\n');
      }
    })().catch((error: unknown) => {
      logger.error({ err: error, path: request.url }, 'http request failed');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    });
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
