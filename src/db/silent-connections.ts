import { Socket } from 'node:net';

/**
 * Sockets for postgres.js (its `socket` option) that end themselves when PostgreSQL goes silent while
 * an answer is owed. `statement_timeout` is enforced by the server, so it cannot fire for a query that
 * never arrives (a dead route, a half-open socket): without this, a silent connection waits for the
 * kernel's TCP timeout, about 15 minutes, and the pool keeps queueing queries on it.
 */
/** What postgres.js passes its `socket` option (its parsed options). */
export interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false | undefined;
}

export interface SilentConnectionWatch {
  /** The factory to pass as postgres.js's documented `socket` option: a connecting socket, watched. */
  socket: (target: SocketTarget) => Socket;
  /** Ends every socket still open (after `sql.end()`: a silent server never finishes a polite close). */
  destroyAll(): void;
}

export interface SilentConnectionOptions {
  /** How long an owed answer may show no progress; longer than the server's own statement timeout. */
  silentMs: number;
  /** TLS hides the protocol: then any byte received counts as the answer. */
  encrypted: boolean;
  onSilent: () => void;
}

// Messages after which the client waits for ReadyForQuery ('Z'): Sync, a simple Query, the startup message.
const SYNC = 0x53;
const QUERY = 0x51;
const FLUSH = 0x48;
const READY_FOR_QUERY = 0x5a;
const STARTUP = -1;
// A polite close (Terminate, then FIN) gets this long before the socket is destroyed.
const CLOSE_GRACE_MS = 1_000;

export function watchSilentConnections(options: SilentConnectionOptions): SilentConnectionWatch {
  const open = new Set<Socket>();
  let next = 0; // several hosts are tried in turn, as postgres.js does without a factory
  return {
    socket(target) {
      const socket = new Socket();
      open.add(socket);
      if (target.path) socket.connect(target.path);
      else {
        const i = next++ % Math.max(1, target.host.length);
        const host = target.host[i] ?? 'localhost';
        const port = target.port[i] ?? target.port[0] ?? 5432;
        // postgres.js reads `host` for TLS's server name (SNI and certificate checks), as on its own sockets.
        Object.assign(socket, { host, port });
        socket.connect(port, host);
      }
      socket.once('close', () => open.delete(socket));
      watch(socket, options);
      return socket;
    },
    destroyAll() {
      for (const socket of open) socket.destroy();
    },
  };
}

function watch(socket: Socket, options: SilentConnectionOptions): void {
  let owed = 0; // answers (ReadyForQuery) the server owes
  let flushOwed = false; // a Flush waits for a description, not for ReadyForQuery
  let timer: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    stop();
    timer = setTimeout(() => {
      options.onSilent();
      socket.destroy();
    }, options.silentMs);
    timer.unref();
  };
  const sent = messageReader(true, (type) => {
    if (type === SYNC || type === QUERY || type === STARTUP) owed++;
    if (type === FLUSH) flushOwed = true;
  });
  const received = messageReader(false, (type) => {
    if (type === READY_FOR_QUERY) owed = Math.max(0, owed - 1);
  });

  const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
  socket.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (options.encrypted) owed = 1;
    else if (chunk instanceof Uint8Array) sent(chunk);
    // More queries queued behind a silent one do not count as progress: only the server's bytes do.
    if ((owed > 0 || flushOwed) && !timer) arm();
    return write(chunk, ...rest);
  }) as Socket['write'];
  socket.on('data', (chunk: Buffer) => {
    if (options.encrypted) owed = 0;
    else received(chunk);
    flushOwed = false;
    if (owed > 0) arm();
    else stop();
  });
  const end = socket.end.bind(socket) as (...args: unknown[]) => Socket;
  socket.end = ((...args: unknown[]) => {
    setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    return end(...args);
  }) as Socket['end'];
  socket.once('close', stop);
}

/**
 * Splits one direction of PostgreSQL's wire protocol into messages (a type byte, then a 4-byte length
 * that counts itself), across chunk boundaries. The client's first message (startup) has no type byte.
 */
function messageReader(untypedFirst: boolean, onMessage: (type: number) => void): (chunk: Uint8Array) => void {
  let untyped = untypedFirst;
  let header = Buffer.alloc(0);
  let skip = 0;
  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const need = untyped ? 4 : 5;
      const take = Math.min(need - header.length, chunk.length - i);
      header = Buffer.concat([header, chunk.subarray(i, i + take)]);
      i += take;
      if (header.length < need) return;
      onMessage(untyped ? STARTUP : (header[0] ?? 0));
      skip = header.readInt32BE(untyped ? 0 : 1) - 4;
      untyped = false;
      header = Buffer.alloc(0);
    }
  };
}
