import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream as unknown as Parameters<typeof createLogger>[1]) };
}

// patches/@pinojs+redact+0.4.0.patch parses each redacted path once and skips plain values: the
// same fields must still be hidden, on every line, at the top and one level down.
describe('log redaction', () => {
  it('hides secrets and members’ words at the top and one level down, line after line', () => {
    const { lines, logger } = capture();
    for (let i = 0; i < 3; i++) {
      logger.info(
        {
          token: 'top-secret',
          databaseUrl: 'postgres://user:pw@host/db',
          request: { token: 'nested-secret', params: ['a member’s words'], headers: { authorization: 'Bot abc' } },
          query: { parameters: ['more words'], requestBody: '{"content":"words"}' },
          note: 'token params authorization',
          count: 3,
        },
        'line',
      );
    }
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.token).toBe('[redacted]');
      expect(line.databaseUrl).toBe('[redacted]');
      expect(line.request).toEqual({ token: '[redacted]', params: '[redacted]', headers: { authorization: '[redacted]' } });
      expect(line.query).toEqual({ parameters: '[redacted]', requestBody: '[redacted]' });
      expect(line.note).toBe('token params authorization');
      expect(line.count).toBe(3);
    }
    logger.info({ headers: { authorization: 'Bot abc', accept: 'json' } }, 'headers');
    expect(lines[3]?.headers).toEqual({ authorization: '[redacted]', accept: 'json' });
  });
});

// Standard output is written once per turn of the event loop: nothing may wait longer, and nothing may be
// lost when the process ends right after logging (src/logger.ts, coalescedStdout).
describe('logs on standard output', () => {
  const run = (script: string) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
  const logger = `import { createLogger } from './src/logger.ts'; const logger = createLogger('info');`;

  it('writes every line, in order, when the process exits in the same turn', async () => {
    const out = await run(`${logger} for (let i = 0; i < 2000; i++) logger.info({ i }, 'line'); process.exit(0);`);
    const numbers = out.trim().split('\n').map((line) => (JSON.parse(line) as { i: number }).i);
    expect(numbers).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });

  it('writes a line logged while an earlier write is still going, with nothing logged after it', async () => {
    // One line a turn for 300 turns: each turn's write is often still going when the next turn logs.
    const out = await run(
      `${logger} let i = 0; const next = () => { logger.info({ i }, 'line'); if (++i < 300) setImmediate(next); }; next(); setTimeout(() => { process.stdout.write('after\\n'); process.exit(0); }, 500);`,
    );
    const lines = out.trim().split('\n');
    expect(lines.at(-1)).toBe('after');
    expect(lines.slice(0, -1).map((line) => (JSON.parse(line) as { i: number }).i)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('writes a line at the end of its turn, while the process goes on', async () => {
    // The parent sees the line while the child still waits: nothing holds it for a later batch.
    const out = await run(`${logger} logger.info('alone'); setTimeout(() => { process.stdout.write('after\\n'); process.exit(0); }, 300);`);
    expect(out.split('\n').filter(Boolean).map((line) => (line.startsWith('{') ? (JSON.parse(line) as { msg: string }).msg : line))).toEqual(['alone', 'after']);
  });
});

describe('tokens in free text', () => {
  it('takes every kind of token out of a line’s text, and leaves a line with none as it was', () => {
    const { lines, logger } = capture();
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA';
    logger.info(`POST /api/v10/interactions/123/${token}/callback failed`);
    logger.info(`PATCH /webhooks/456/${token}/messages/@original`);
    logger.info({ note: 'Authorization: Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.OTAx.abcdefghijkl' }, 'sent');
    logger.info({ note: 'Bearer abcdefghijklmnopqrstuvwxyz' }, 'oauth');
    logger.info('could not reach postgresql://app:hunter2@db:5432/wins');
    logger.info({ win: 'ran 5 km', tz: 'Europe/Paris' }, 'a plain line');
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    for (const secret of [token, 'MTIzNDU2Nzg5MDEyMzQ1Njc4', 'abcdefghijklmnopqrstuvwxyz', 'hunter2']) expect(text).not.toContain(secret);
    expect(text.match(/\[redacted\]/g)).toHaveLength(5);
    expect(lines[5]).toMatchObject({ win: 'ran 5 km', tz: 'Europe/Paris', msg: 'a plain line' });
  });
});

describe('values a query carried, in an error’s own strings', () => {
  it('takes out drizzle’s params, a failing row and a key’s values, and keeps the rest of the message', () => {
    const { lines, logger } = capture();
    const failed = new Error('Failed query: insert into wins values ($1, $2)\nparams: ran 5 km,secret plans');
    failed.stack = `${failed.message}\n    at write (record-win.ts:1:1)`;
    logger.error({ err: failed }, 'write failed');
    logger.error({ err: new Error('new row violates check constraint "wins_text_check"\nFailing row contains (7, my private words, t).') }, 'check');
    logger.error({ err: new Error('duplicate key value violates unique constraint\nKey (guild_id, source_message_id)=(123, 456) already exists.') }, 'duplicate');
    const text = lines.map((line) => JSON.stringify(line)).join('\n');
    for (const value of ['ran 5 km', 'secret plans', 'my private words', '(123, 456)']) expect(text).not.toContain(value);
    const messages = lines.map((line) => (line.err as { message: string }).message);
    expect(messages).toEqual([
      'Failed query: insert into wins values ($1, $2)\nparams: [redacted]',
      'new row violates check constraint "wins_text_check"\nFailing row contains ([redacted]).',
      'duplicate key value violates unique constraint\nKey (guild_id, source_message_id)=([redacted]) already exists.',
    ]);
  });
});
