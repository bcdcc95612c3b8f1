import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ManualClock } from '../../src/clock.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

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
  const push = (json: string): void => void frames.push(JSON.parse(json) as Frame);
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
  const next = async (t: string | number): Promise<Frame> => {
    for (let i = 0; i < 200; i++) {
      const hit = frames.find((f) => f.t === t || (typeof t === 'number' && f.op === t));
      if (hit) {
        frames.splice(frames.indexOf(hit), 1);
        return hit;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${t} frame`);
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

  async function gatewayUrl(): Promise<string> {
    sandbox = await startSandbox({ clock: new ManualClock('2027-01-04T09:00:00Z') });
    const res = await fetch(`${sandbox.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${sandbox.token}` } });
    return ((await res.json()) as { url: string }).url;
  }

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
});
