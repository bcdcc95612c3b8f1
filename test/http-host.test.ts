import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '../src/http.js';

describe('the health, metrics and web listener', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('listens only on the address HTTP_HOST gives', async () => {
    server = await startHttpServer({ port: 0, host: '127.0.0.1' }, { checks: {}, registry: new Registry() }, pino({ level: 'silent' }));
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`)).status).toBe(200);
  });

  it('listens on every interface by default (0.0.0.0, for containers)', async () => {
    server = await startHttpServer({ port: 0, host: '0.0.0.0' }, { checks: {}, registry: new Registry() }, pino({ level: 'silent' }));
    expect((server.address() as AddressInfo).address).toBe('0.0.0.0');
  });
});
