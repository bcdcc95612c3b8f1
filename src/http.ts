import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';

export interface HealthSource {
  /** Each check answers true when healthy; a throw counts as unhealthy. */
  checks: Record<string, () => boolean | Promise<boolean>>;
  metrics: () => Record<string, number>;
}

/** `/healthz` for orchestrators, `/metrics` in Prometheus' text format. */
export async function startHttpServer(port: number, source: HealthSource, logger: Logger, web?: RequestListener): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      if (request.url === '/healthz') {
        const results: Record<string, boolean> = {};
        for (const [name, check] of Object.entries(source.checks)) {
          results[name] = await Promise.resolve()
            .then(check)
            .catch(() => false);
        }
        const ok = Object.values(results).every(Boolean);
        response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: ok ? 'ok' : 'unhealthy', checks: results }));
      } else if (request.url === '/metrics') {
        const lines = Object.entries(source.metrics()).map(([name, value]) => `small_wins_${name} ${value}`);
        response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        response.end(`${lines.join('\n')}\n`);
      } else if (web) {
        web(request, response);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', resolve);
  });
  logger.info({ port }, 'health and metrics listening');
  return server;
}
