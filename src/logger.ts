import pino, { type DestinationStream, type Logger } from 'pino';

/** Structured logs; anything that could carry a token is censored before it is written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'small-wins' },
      redact: {
        paths: ['token', '*.token', 'discordToken', '*.discordToken', 'databaseUrl', '*.databaseUrl', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination(1),
  );
}
