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
    destination ?? pino.destination(1),
  );
}
