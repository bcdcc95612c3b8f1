import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock } from '../../src/clock.js';
import { shardOf, startSandbox, type Sandbox } from '../../src/sandbox/index.js';

interface Frame {
  op: number;
  t: string | null;
  s: number | null;
  d: Record<string, unknown> | null;
}

/** A bare gateway client that collects frames, optionally inflating a zlib-stream. */
function connect(url: string, compress: boolean): { ws: WebSocket; frames: Frame[]; next: (t: string | number) => Promise<Frame> } {
  const ws = new WebSocket(`${url}?v=10&encoding=json${compress ? '&compress=zlib-stream' : ''}`);
  const frames: Frame[] = [];
  const inflate = zlib.createInflate();
  let text = '';
  // A frame someone waits for goes to them; the others are kept for a later `next`.
  const waiters: { match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }[] = [];
  const push = (json: string): void => {
    const frame = JSON.parse(json) as Frame;
    const waiter = waiters.findIndex((w) => w.match(frame));
    if (waiter === -1) frames.push(frame);
    else waiters.splice(waiter, 1)[0]?.resolve(frame);
  };
  inflate.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    try {
      push(text);
      text = '';
    } catch {
      // Incomplete payload: wait for more.
    }
  });
  ws.on('message', (data: Buffer, isBinary) => (isBinary ? inflate.write(data) : push(data.toString())));
  // Waits for the frame itself (no polling); a frame that never comes fails the test at its timeout.
  const next = (t: string | number): Promise<Frame> => {
    const match = (f: Frame) => f.t === t || (typeof t === 'number' && f.op === t);
    const hit = frames.find(match);
    if (hit) {
      frames.splice(frames.indexOf(hit), 1);
      return Promise.resolve(hit);
    }
    return new Promise((resolve) => waiters.push({ match, resolve }));
  };
  return { ws, frames, next };
}

describe('sandbox gateway protocol', () => {
  let sandbox: Sandbox;
  const sockets: WebSocket[] = [];
  afterEach(async () => {
    for (const ws of sockets) ws.terminate();
    await sandbox.close();
  });

  async function gatewayInfo(recommendedShards?: number): Promise<{ url: string; shards: number }> {
    sandbox = await startSandbox({ clock: new ManualClock('2027-01-04T09:00:00Z'), recommendedShards });
    const res = await fetch(`${sandbox.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${sandbox.token}` } });
    return (await res.json()) as { url: string; shards: number };
  }
  const gatewayUrl = async (): Promise<string> => (await gatewayInfo()).url;

  it('speaks zlib-stream when the client asks for it', async () => {
    const c = connect(await gatewayUrl(), true);
    sockets.push(c.ws);
    expect((await c.next(10)).d).toMatchObject({ heartbeat_interval: 41250 });
    c.ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1, properties: {} } }));
    expect((await c.next('READY')).d).toMatchObject({ application: { id: sandbox.applicationId }, user: { bot: true } });
    expect((await c.next('GUILD_CREATE')).d).toMatchObject({ id: sandbox.guildId, owner_id: sandbox.user('ada').id });
    c.ws.send(JSON.stringify({ op: 1, d: 2 }));
    expect((await c.next(11)).op).toBe(11);
  });

  it('resumes a session and replays what was missed', async () => {
    const url = await gatewayUrl();
    const first = connect(url, false);
    sockets.push(first.ws);
    await first.next(10);
    first.ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 1 << 9, properties: {} } }));
    const ready = await first.next('READY');
    await first.next('GUILD_CREATE');
    first.ws.close();
    await new Promise((r) => first.ws.once('close', r));
    sandbox.postMessage('alice', 'general', 'while you were away');

    const second = connect(url, false);
    sockets.push(second.ws);
    await second.next(10);
    second.ws.send(JSON.stringify({ op: 6, d: { token: sandbox.token, session_id: ready.d?.session_id, seq: 2 } }));
    expect((await second.next('MESSAGE_CREATE')).d).toMatchObject({ content: 'while you were away' });
    expect((await second.next('RESUMED')).s).toBe(4);
  });

  it('closes with 4004 on a wrong token and answers REST with 401', async () => {
    const c = connect(await gatewayUrl(), false);
    sockets.push(c.ws);
    await c.next(10);
    const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
    c.ws.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 0, properties: {} } }));
    expect(await closed).toBe(4004);
    const res = await fetch(`${sandbox.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  it('puts each server on the shard Discord would, and sends a shard only its own servers; DMs go to shard 0', async () => {
    const { url, shards } = await gatewayInfo(2);
    expect(shards).toBe(2);
    const one = sandbox.addGuild('One', { shard: 1, shardCount: 2 });
    const zero = sandbox.addGuild('Zero', { shard: 0, shardCount: 2 });
    expect([shardOf(zero.id, 2), shardOf(one.id, 2)]).toEqual([0, 1]);
    const shardSockets = [0, 1].map((shard) => {
      const c = connect(url, false);
      sockets.push(c.ws);
      c.ws.once('message', () => c.ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: (1 << 9) | (1 << 12), properties: {}, shard: [shard, 2] } })));
      return c;
    });
    for (const [shard, c] of shardSockets.entries()) {
      const ready = await c.next('READY');
      const mine = sandbox.guilds().filter((g) => shardOf(g.id, 2) === shard).map((g) => g.id);
      expect(ready.d).toMatchObject({ shard: [shard, 2], guilds: mine.map((id) => ({ id, unavailable: true })) });
      for (const id of mine) expect((await c.next('GUILD_CREATE')).d).toMatchObject({ id });
    }
    const [c0, c1] = shardSockets as [ReturnType<typeof connect>, ReturnType<typeof connect>];
    const later = sandbox.addGuild('Later', { shard: 1, shardCount: 2 });
    expect((await c1.next('GUILD_CREATE')).d).toMatchObject({ id: later.id, name: 'Later' });
    sandbox.postMessage('alice', sandbox.channelsOf(one.id).general ?? '', 'on shard one');
    sandbox.postMessage('alice', sandbox.channelsOf(zero.id).general ?? '', 'on shard zero');
    expect((await c1.next('MESSAGE_CREATE')).d).toMatchObject({ content: 'on shard one', guild_id: one.id });
    expect((await c0.next('MESSAGE_CREATE')).d).toMatchObject({ content: 'on shard zero', guild_id: zero.id });
    sandbox.postMessage('alice', sandbox.dmChannel('alice').id, 'in a DM');
    const dm = (await c0.next('MESSAGE_CREATE')).d;
    expect([dm?.content, dm && 'guild_id' in dm]).toEqual(['in a DM', false]);
    // Frames on one socket keep their order: anything for shard 1 would have reached shard 0 before this.
    expect([...c0.frames, ...c1.frames].filter((f) => f.t === 'GUILD_CREATE' || f.t === 'MESSAGE_CREATE')).toEqual([]);
  });

  it('closes with 4010 on a shard that does not exist', async () => {
    const c = connect(await gatewayUrl(), false);
    sockets.push(c.ws);
    await c.next(10);
    const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
    c.ws.send(JSON.stringify({ op: 2, d: { token: sandbox.token, intents: 0, properties: {}, shard: [2, 2] } }));
    expect(await closed).toBe(4010);
  });
});
