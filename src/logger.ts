import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Logs go to stderr as JSON lines so stdout stays free for the terminal chat. Secrets that may appear
 * in request objects are redacted.
 */
export function createLogger(level: pino.LevelWithSilent = 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'apiKey', '*.apiKey', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
