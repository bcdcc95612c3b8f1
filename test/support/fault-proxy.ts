import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'stall' | 'cut' | 'black-hole';

/**
 * A TCP proxy between the bot and PostgreSQL that a test can break on purpose:
 * `stall()` holds every byte (both ways) until `pass()`, `cut()` ends every connection and refuses
 * new ones, `blackHole()` makes connections silent for good (a dead route: accepted, nothing forwarded,
 * never an RST or FIN), `cutAfterCommit()` ends a connection right after a COMMIT has gone through to the server.
 */
export interface FaultProxy {
  /** The target URL rewritten to go through the proxy. */
  readonly url: string;
  pass(): void;
  stall(): void;
  cut(): void;
  /**
   * Every open connection goes silent for good: its bytes are dropped both ways and it is never closed.
   * New connections pass, unless `newConnections` is true: then they are accepted and silent too.
   */
  blackHole(options?: { newConnections?: boolean }): void;
  /** The next COMMIT reaches the server, then its connection is cut before the answer comes back. */
  cutAfterCommit(): Promise<void>;
  /** The same for the next message whose bytes match (a query's text, or a bound parameter's). */
  cutAfter(pattern: RegExp): Promise<void>;
  /** Connections open right now (silent ones included, until the bot closes its end). */
  readonly connections: number;
  /** Connections accepted since the proxy started. */
  readonly accepted: number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
  held: { toServer: Buffer[]; toClient: Buffer[] };
  /** Black-holed: what either side sends is dropped, for good. */
  silent: boolean;
  cutOnAnswer?: (() => void) | undefined;
}

// A COMMIT in PostgreSQL's wire protocol: a simple query ('Q') or a Parse ('P') whose text is "commit".
const commitPattern = /(^|[\s\0])commit([\s;\0]|$)/i;

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const pairs = new Set<Pair>();
  let mode: ProxyMode = 'pass';
  let accepted = 0;
  let commitWatch: (() => void) | undefined;
  let watched = commitPattern;

  const destroy = (pair: Pair) => {
    pair.client.destroy();
    pair.server.destroy();
    pairs.delete(pair);
  };

  const server = createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    accepted++;
    const upstream = connect(Number(target.port || 5432), target.hostname);
    const pair: Pair = { client, server: upstream, held: { toServer: [], toClient: [] }, silent: mode === 'black-hole' };
    pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (pair.silent) return;
      if (mode === 'stall') return void pair.held.toServer.push(chunk);
      upstream.write(chunk);
      if (commitWatch && watched.test(chunk.toString('latin1'))) {
        // Let the bytes reach the server, then drop the connection instead of passing its answer back.
        pair.cutOnAnswer = commitWatch;
        commitWatch = undefined;
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (pair.silent) return;
      if (pair.cutOnAnswer) {
        const done = pair.cutOnAnswer;
        destroy(pair);
        return void done();
      }
      if (mode === 'stall') return void pair.held.toClient.push(chunk);
      client.write(chunk);
    });
    client.on('error', () => destroy(pair));
    upstream.on('error', () => destroy(pair));
    client.on('close', () => destroy(pair));
    // A dead route hides the server's end too: the bot must not learn of it from a FIN.
    upstream.on('close', () => (pair.silent ? upstream.destroy() : destroy(pair)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cutAfter = (pattern: RegExp) => {
    watched = pattern;
    return new Promise<void>((resolve) => (commitWatch = resolve));
  };
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    get connections() {
      return pairs.size;
    },
    get accepted() {
      return accepted;
    },
    pass() {
      mode = 'pass';
      for (const pair of pairs) {
        if (pair.silent) continue; // a black-holed connection stays dead: its dropped bytes cannot be replayed
        for (const chunk of pair.held.toServer.splice(0)) pair.server.write(chunk);
        for (const chunk of pair.held.toClient.splice(0)) pair.client.write(chunk);
      }
    },
    stall() {
      mode = 'stall';
    },
    cut() {
      mode = 'cut';
      for (const pair of pairs) destroy(pair);
    },
    blackHole(options = {}) {
      mode = options.newConnections ? 'black-hole' : 'pass';
      for (const pair of pairs) pair.silent = true;
    },
    cutAfterCommit: () => cutAfter(commitPattern),
    cutAfter,
    async close() {
      for (const pair of pairs) destroy(pair);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
