import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    dir = mkdtempSync(join(tmpdir(), 'sandbox-http-port-'));
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
    const script = join(dir, 'script.txt');
    // Enough work for the requests below to be answered while the sandbox runs.
    writeFileSync(script, [':clock 2026-11-30T09:00Z', ':as alice', '/win wrote 300 words', ...Array.from({ length: 8 }, () => ':time +1d')].join('\n'));
    const output = new PassThrough();
    let answers: Promise<number[]> | undefined;
    output.on('data', (chunk: Buffer) => {
      // The first line is said before anything opens; the script's lines come once everything listens.
      if (chunk.toString().startsWith('Starting Small Wins')) return;
      answers ??= Promise.all(['/healthz', '/'].map(async (path) => (await fetch(`http://127.0.0.1:${port}${path}`, { redirect: 'manual' })).status));
    });
    const code = await runSandbox(config, commands, { script, output }, installShutdown({ exit: () => undefined }));
    expect(code).toBe(0);
    const [health, home] = (await answers) ?? [];
    expect(health).toBe(200);
    // Before, this port answered 404 for anything but health and metrics.
    expect(home).not.toBe(404);
    expect(home).toBeLessThan(500);
  }, 120_000);
});
