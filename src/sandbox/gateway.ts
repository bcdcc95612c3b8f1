import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { asNumber, asObject, asString, type Json, type JsonObject } from './json.js';
import { shardOf } from './snowflake.js';

export const INTENT_GUILD_MEMBERS = 1 << 1;
export const INTENT_GUILD_MESSAGES = 1 << 9;
export const INTENT_DIRECT_MESSAGES = 1 << 12;

interface Session {
  id: string;
  seq: number;
  intents: number;
  /** IDENTIFY's `[shard_id, num_shards]`. */
  shard: [number, number];
  connection: Connection | undefined;
  /** Recent dispatches, replayed on RESUME. */
  backlog: { s: number; t: string; d: Json }[];
}

interface Connection {
  socket: WebSocket;
  deflate: zlib.Deflate | undefined;
  /** Serialises compressed sends so each frame holds exactly one payload. */
  queue: Promise<void>;
  session: Session | undefined;
}

export interface GatewayOptions {
  token: string;
  logger: Logger;
  heartbeatIntervalMs: number;
  resumeUrl: () => string;
  /** READY's `d` without session and guild fields. */
  ready: () => JsonObject;
  guildIds: () => string[];
  /** The GUILD_CREATE sent after READY for each of the shard's guilds. */
  guildCreate: (guildId: string) => JsonObject;
  members: (guildId: string) => JsonObject[];
}

/** Discord's gateway protocol (v10, JSON, optional zlib-stream) on `/gateway`. */
export class Gateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new Map<string, Session>();

  constructor(server: Server, private readonly opts: GatewayOptions) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/gateway') return socket.destroy();
      this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, url.searchParams));
    });
  }

  /**
   * Sends an event to every identified session whose intents allow it, on the shard Discord would use:
   * the shard of `d.guild_id`, or shard 0 for events outside a guild (DMs).
   */
  dispatch(t: string, d: JsonObject, intent = 0, guildId = asString(d.guild_id)): void {
    for (const session of this.#sessions.values()) {
      const [shard, count] = session.shard;
      if ((guildId === undefined ? 0 : shardOf(guildId, count)) !== shard) continue;
      if (intent === 0 || (session.intents & intent) !== 0) this.#dispatchTo(session, t, d);
    }
  }

  /** A guild the bot was just added to: GUILD_CREATE on its shard. */
  guildAdded(guildId: string): void {
    this.dispatch('GUILD_CREATE', this.opts.guildCreate(guildId), 0, guildId);
  }

  /** The `[shard_id, num_shards]` of every connected session. */
  get connectedShards(): [number, number][] {
    return [...this.#sessions.values()].filter((s) => s.connection).map((s) => s.shard);
  }

  get connectedSessions(): number {
    return [...this.#sessions.values()].filter((s) => s.connection).length;
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(socket: WebSocket, params: URLSearchParams): void {
    if ((params.get('encoding') ?? 'json') !== 'json') {
      this.opts.logger.error({ encoding: params.get('encoding') }, 'sandbox gateway: only JSON encoding is supported');
      return socket.close(4002, 'Decode error');
    }
    const deflate = params.get('compress') === 'zlib-stream' ? zlib.createDeflate() : undefined;
    const conn: Connection = { socket, deflate, queue: Promise.resolve(), session: undefined };
    socket.on('message', (data, isBinary) => {
      if (isBinary) return socket.close(4002, 'Decode error');
      this.#onPayload(conn, asObject(JSON.parse(String(data))) ?? {});
    });
    socket.on('close', () => {
      if (conn.session?.connection === conn) conn.session.connection = undefined;
      deflate?.close();
    });
    this.#send(conn, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs }, s: null, t: null });
  }

  #onPayload(conn: Connection, payload: JsonObject): void {
    const d = asObject(payload.d) ?? {};
    switch (payload.op) {
      case 1:
        return this.#send(conn, { op: 11, d: null, s: null, t: null });
      case 2:
        return this.#identify(conn, d);
      case 6:
        return this.#resume(conn, d);
      case 8:
        return this.#requestMembers(conn, d);
      default:
        return; // Presence and voice updates have no effect in the sandbox.
    }
  }

  #identify(conn: Connection, d: JsonObject): void {
    if (asString(d.token)?.replace(/^Bot /, '') !== this.opts.token) return conn.socket.close(4004, 'Authentication failed');
    const shard = readShard(d.shard);
    if (!shard) return conn.socket.close(4010, 'Invalid shard');
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, intents: asNumber(d.intents) ?? 0, shard, connection: conn, backlog: [] };
    this.#sessions.set(session.id, session);
    conn.session = session;
    const guildIds = this.opts.guildIds().filter((id) => shardOf(id, shard[1]) === shard[0]);
    const guilds = guildIds.map((id) => ({ id, unavailable: true }));
    this.#dispatchTo(session, 'READY', { ...this.opts.ready(), guilds, session_id: session.id, resume_gateway_url: this.opts.resumeUrl(), shard });
    for (const id of guildIds) this.#dispatchTo(session, 'GUILD_CREATE', this.opts.guildCreate(id));
  }

  #resume(conn: Connection, d: JsonObject): void {
    const session = this.#sessions.get(asString(d.session_id) ?? '');
    if (!session || asString(d.token)?.replace(/^Bot /, '') !== this.opts.token) {
      return this.#send(conn, { op: 9, d: false, s: null, t: null });
    }
    session.connection = conn;
    conn.session = session;
    const since = asNumber(d.seq) ?? 0;
    for (const event of session.backlog) if (event.s > since) this.#send(conn, { op: 0, ...event });
    this.#dispatchTo(session, 'RESUMED', {});
  }

  #requestMembers(conn: Connection, d: JsonObject): void {
    if (!conn.session) return;
    const wanted = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : undefined;
    const query = (asString(d.query) ?? '').toLowerCase();
    const guildId = asString(d.guild_id) ?? '';
    const [shard, count] = conn.session.shard;
    if (!this.opts.guildIds().includes(guildId) || shardOf(guildId, count) !== shard) return;
    const members = this.opts.members(guildId).filter((m) => {
      const user = asObject(m.user);
      const id = asString(user?.id) ?? '';
      return wanted ? wanted.includes(id) : (asString(user?.username) ?? '').toLowerCase().startsWith(query);
    });
    const chunk: JsonObject = { guild_id: guildId, members, chunk_index: 0, chunk_count: 1, not_found: [] };
    if (d.nonce !== undefined) chunk.nonce = d.nonce;
    this.#dispatchTo(conn.session, 'GUILD_MEMBERS_CHUNK', chunk);
  }

  #dispatchTo(session: Session, t: string, d: JsonObject): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.backlog.push(event);
    if (session.backlog.length > 500) session.backlog.shift();
    if (session.connection) this.#send(session.connection, { op: 0, ...event });
  }

  #send(conn: Connection, payload: JsonObject): void {
    const text = JSON.stringify(payload);
    const { deflate, socket } = conn;
    if (!deflate) return socket.send(text);
    // zlib-stream: one shared deflate context, each payload ends with a sync flush (0x00 0x00 0xff 0xff).
    conn.queue = conn.queue.then(
      () =>
        new Promise<void>((resolve) => {
          const chunks: Buffer[] = [];
          const collect = (chunk: Buffer): number => chunks.push(chunk);
          deflate.on('data', collect);
          deflate.write(text);
          deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            deflate.off('data', collect);
            if (socket.readyState === socket.OPEN) socket.send(Buffer.concat(chunks), { binary: true });
            resolve();
          });
        }),
    );
  }
}

/** IDENTIFY's optional `shard: [shard_id, num_shards]`; undefined when invalid (Discord closes with 4010). */
function readShard(value: unknown): [number, number] | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const [shard, total] = [id as number, count as number];
  return total >= 1 && shard >= 0 && shard < total ? [shard, total] : undefined;
}
