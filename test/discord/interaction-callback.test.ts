import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { interactionCallbacks } from '../../src/discord/interaction-callback.js';
import { DiscordAPIError, HTTPError, restClient } from '../../src/discord/rest.js';
import { REST_POLICY } from '../../src/domain/retry-policy.js';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

type Answer = (res: ServerResponse, req: IncomingMessage) => void;

/** A real HTTP server standing in for Discord's API: each request gets the next scripted answer (then 204). */
describe('interaction callbacks sent straight over HTTP', () => {
  let server: Server;
  let api: string;
  let answers: Answer[] = [];
  let seen: Seen[] = [];
  const reply: APIInteractionResponse = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Saved' } };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        const answer = answers.shift() ?? ((r: ServerResponse) => r.writeHead(204).end());
        answer(res, req);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    answers = [];
    seen = [];
  });

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => (res) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const sender = (options: { timeout?: number } = {}) =>
    interactionCallbacks(restClient({ api, timeout: options.timeout ?? REST_POLICY.timeoutMs, retries: REST_POLICY.retries }).setToken('bot-token'));

  it('posts the answer as JSON to the callback route, with the User-Agent and without the bot token', async () => {
    await sender()('111', 'tok-en', reply);
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/api/v10/interactions/111/tok-en/callback');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['user-agent']).toMatch(/^DiscordBot \(https:\/\/discord\.js\.org, [\d.]+\)/);
    expect(request?.headers.authorization).toBeUndefined();
    expect(JSON.parse(request?.body ?? '')).toEqual(reply);
  });

  it('tries once more after a 5xx, as the REST client did, and succeeds', async () => {
    answers = [json(503, { message: 'busy' })];
    await sender()('111', 'tok', reply);
    expect(seen).toHaveLength(2);
  });

  it('gives up with an HTTPError after a 5xx on both tries', async () => {
    answers = [json(502, {}), json(502, {})];
    const error: unknown = await sender()('111', 'tok', reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as InstanceType<typeof HTTPError>).status).toBe(502);
    expect(seen).toHaveLength(1 + REST_POLICY.retries);
  });

  it('throws the DiscordAPIError Discord describes on a 4xx, without trying again', async () => {
    answers = [json(404, { code: 10062, message: 'Unknown interaction' })];
    const error: unknown = await sender()('111', 'tok', reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
    expect((error as DiscordAPIError).status).toBe(404);
    expect(seen).toHaveLength(1);
  });

  it('tries once more when the connection is reset', async () => {
    answers = [(res) => res.socket?.destroy()];
    await sender()('111', 'tok', reply);
    expect(seen).toHaveLength(2);
  });

  it('times out as the REST client did (an AbortError), after one more try', async () => {
    const silent: Answer = () => undefined;
    answers = [silent, silent];
    const error: unknown = await sender({ timeout: 150 })('111', 'tok', reply).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(seen).toHaveLength(2);
  });

  it('leaves a 429 to the REST client, which waits it out and sends again', async () => {
    answers = [json(429, { message: 'You are being rate limited.', retry_after: 0.05, global: false }, { 'retry-after': '0.05' }), json(429, { message: 'You are being rate limited.', retry_after: 0.05, global: false }, { 'retry-after': '0.05' })];
    await sender()('111', 'tok', reply);
    // Ours, then the REST client's (429 again: it waits), then its next try.
    expect(seen.map((s) => s.url)).toEqual(Array.from({ length: 3 }, () => '/api/v10/interactions/111/tok/callback'));
  });
});
