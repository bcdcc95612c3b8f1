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
          for (const secret of secrets) safe = safe.split(secret).join('[redacted]');
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
 * was logged in, never longer; pino writes what is left when the process exits.
 */
export function coalescedStdout(): DestinationStream & { flush(): void } {
  // Just under sonic-boom's largest single write, so a busy turn still goes in a few writes.
  const sonic = pino.destination({ dest: 1, sync: false, minLength: 8 * 1024 });
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    // After the exit's last write the stream is closed, and flush would throw.
    if (!(sonic as { destroyed?: boolean }).destroyed) sonic.flush();
  };
  return {
    write(line: string) {
      sonic.write(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
