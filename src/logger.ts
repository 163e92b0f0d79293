import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Logs go to stderr as JSON lines so stdout stays free for the terminal chat. Secrets that may appear
 * in request objects are redacted. An Error logged as `err` keeps its type, message, stack and causes
 * (`logger.error({ err }, '...')`): a message alone rarely says where a fault came from.
 */
export function createLogger(level: pino.LevelWithSilent = 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: ['token', '*.token', 'apiKey', '*.apiKey', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

/** A logger that drops everything, for tests. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** What a channel must keep out of the errors it logs. */
export interface ErrScrubbing {
  /** Replaces secrets (a bot token, a phone number) in a string of the logged error. */
  scrub: (text: string) => string;
  /** Fields never to log, e.g. a request payload holding a person's message or a whole file. */
  omit?: readonly string[];
  /** The error to log in place of a wrapper that drags in too much (grammY's BotError holds the update context). */
  unwrap?: (error: unknown) => unknown;
}

/** Nested objects below this depth are elided: errors from HTTP clients can reference whole requests. */
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/**
 * pino's `err` serializer (type, message, stack, causes, own fields) followed by `scrub` over every
 * string in the result, stack included, so a secret that slipped into a library's error message or URL
 * never reaches the log.
 */
export function scrubbingErrSerializer(options: ErrScrubbing): (error: unknown) => unknown {
  return (error) => {
    const inner = options.unwrap ? options.unwrap(error) : error;
    return plain(pino.stdSerializers.err(inner as Error), options, 0);
  };
}

/** A child logger whose `err` field (in it and in its own children) is scrubbed as `options` says. */
export function scrubbingChild(logger: Logger, bindings: pino.Bindings, options: ErrScrubbing): Logger {
  return logger.child(bindings, { serializers: { err: scrubbingErrSerializer(options) } });
}

function plain(value: unknown, options: ErrScrubbing, depth: number): unknown {
  if (typeof value === 'string') return options.scrub(value);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => plain(item, options, depth + 1));
  const out: Record<string, unknown> = {};
  // for…in, as pino's own serializer: the type/message/stack it sets live on its prototype.
  for (const key in value) {
    if (options.omit?.includes(key)) continue;
    const field = plain((value as Record<string, unknown>)[key], options, depth + 1);
    if (field !== undefined) out[key] = field;
  }
  return out;
}
