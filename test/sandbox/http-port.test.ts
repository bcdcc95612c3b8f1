import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { runSandbox } from '../../src/run-sandbox.js';
import { installShutdown } from '../../src/shutdown.js';
import { createTestDatabase } from '../support/database.js';
import { freePort } from '../support/free-port.js';

describe('the sandbox with HTTP_PORT set', () => {
  let dir: string;
  let closeDatabase: () => Promise<void>;
  let url: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(inject('pgliteScratch'), 'sandbox-http-port-'));
    const database = await createTestDatabase();
    closeDatabase = () => database.close();
    url = database.url;
  });
  afterAll(async () => {
    await closeDatabase();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the web view on that port, next to /healthz, as live mode does', async () => {
    const port = await freePort();
    const config = loadConfig({ DATA_DIR: join(dir, 'data'), DATABASE_URL: url, LOG_LEVEL: 'warn', HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' });
    // Lines read from a stream (not a terminal): the sandbox keeps running until the stream ends.
    const input = new PassThrough();
    const output = new PassThrough();
    let answers: Promise<number[]> | undefined;
    output.on('data', (chunk: Buffer) => {
      // This line is said once everything listens, just before the console reads its input.
      if (!chunk.toString().startsWith('Small Wins sandbox')) return;
      answers = Promise.all(['/healthz', '/'].map(async (path) => (await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' })).status));
      // Then one command, and the end of the input stops the sandbox (a failed request fails the test below).
      void answers.catch(() => undefined).then(() => input.end(':as alice\n/win wrote 300 words\n'));
    });
    const code = await runSandbox(config, commands, { script: undefined, input, output }, installShutdown({ exit: () => undefined }));
    expect(code).toBe(0);
    const [health, home] = (await answers) ?? [];
    expect(health).toBe(200);
    // Before, this port answered 404 for anything but health and metrics.
    expect(home).not.toBe(404);
    expect(home).toBeLessThan(500);
  }, 120_000);
});
