import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from '@discordjs/rest';

export interface RestProxySettings {
  port: number;
  host: string;
  /** Discord's API (or the sandbox's), without the version: https://discord.com/api */
  upstream: string;
}

export interface RunningRestProxy {
  server: Server;
  /** What workers set as DISCORD_API_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * One REST rate-limit proxy for every worker: each caller's own Authorization header is forwarded, and
 * rate limits are waited out here, once for everyone (Discord's global 50 requests/s included), not by each worker.
 */
export async function startRestProxy(settings: RestProxySettings): Promise<RunningRestProxy> {
  const rest = new REST({ api: settings.upstream, rejectOnRateLimit: null, retries: 1 });
  const handle = proxyRequests(rest);
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
  return {
    server,
    url: `http://${host}:${port}/api`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
