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
