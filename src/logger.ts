import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubError, scrubText } from './log-scrub.js';

export interface LoggerOptions {
  /** Exact strings never to write (the bot token), whatever field they turn up in. */
  secrets?: readonly string[];
}

/**
 * Structured logs that never hold secrets or members' words (SPEC §7): errors are scrubbed of request
 * bodies, query parameters and tokens in URLs, and every finished line is checked once more for tokens.
 */
export function createLogger(level: string, destination?: DestinationStream, options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  return pino(
    {
      level,
      base: { app: 'small-wins' },
      redact: {
        paths: [
          'token',
          '*.token',
          'discordToken',
          '*.discordToken',
          'databaseUrl',
          '*.databaseUrl',
          'headers.authorization',
          '*.headers.authorization',
          'requestBody',
          '*.requestBody',
          'params',
          '*.params',
          'parameters',
          '*.parameters',
        ],
        censor: '[redacted]',
      },
      serializers: { err: scrubError, error: scrubError },
      hooks: {
        streamWrite: (line) => {
          let safe = scrubText(line);
          for (const secret of secrets) if (safe.includes(secret)) safe = safe.split(secret).join('[redacted]');
          return safe;
        },
      },
    },
    destination ?? coalescedStdout(),
  );
}

/**
 * Standard output, written once per turn of the event loop rather than once per line: a batch of wins
 * answered together logs together, in one write instead of dozens. A line waits for the end of the turn it
 * was logged in, never longer, and what is still waiting when the process exits is written then.
 */
export function coalescedStdout(): DestinationStream & { flush(done?: () => void): void } {
  // The lines are gathered here and written synchronously, one write a turn: nothing is left in a buffer
  // between turns (sonic-boom's minLength dropped a flush asked for while a write was under way, which
  // left the last lines of a busy moment waiting for the next log), and nothing at exit.
  const sonic = pino.destination({ dest: 1, sync: true });
  let waiting: string[] = [];
  const flush = (done?: () => void) => {
    if (waiting.length > 0) {
      const chunk = waiting.join('');
      waiting = [];
      sonic.write(chunk);
    }
    done?.(); // pino's logger.flush(cb) waits for it
  };
  process.once('exit', () => {
    try {
      flush();
    } catch {
      // Standard output is gone: nothing more can be written.
    }
  });
  return {
    write(line: string) {
      if (waiting.length === 0) setImmediate(() => flush());
      waiting.push(line);
    },
    flush,
  };
}
