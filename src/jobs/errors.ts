/**
 * Thrown by a handler when the work cannot happen now but nothing is wrong with it (WhatsApp is
 * disconnected, today's sending cap is reached): the row waits until `at` and the attempt is not counted.
 */
export class RetryLater extends Error {
  override readonly name = 'RetryLater';

  constructor(
    readonly at: Date,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Thrown by a handler when the remote side said "too many requests" (Telegram 429 with retry_after).
 * The row waits `ms` without counting an attempt, and the handler's whole lane pauses for `ms`: on
 * BullMQ across every instance (`queue.rateLimit`), in-process for this dispatcher.
 */
export class RateLimited extends Error {
  override readonly name = 'RateLimited';

  constructor(
    readonly ms: number,
    reason = `rate limited for ${ms} ms`,
  ) {
    super(reason);
  }
}

/** Thrown by a handler when retrying cannot help (the person blocked the bot): the row ends `failed`. */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
}

/** A job kind was scheduled or registered in a way its registration does not allow. */
export class JobKindError extends Error {
  override readonly name = 'JobKindError';

  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

/** A payload does not match its kind's schema (at schedule time, before anything is stored). */
export class JobPayloadError extends Error {
  override readonly name = 'JobPayloadError';

  constructor(
    readonly kind: string,
    readonly issues: string[],
  ) {
    super(`invalid payload for job kind ${kind}: ${issues.join('; ')}`);
  }
}

/** The key is already used by a row of another kind; keys are global, so this is a programming error. */
export class JobKeyConflictError extends Error {
  override readonly name = 'JobKeyConflictError';

  constructor(
    readonly key: string,
    readonly existingKind: string,
    readonly requestedKind: string,
  ) {
    super(`job key ${key} belongs to kind ${existingKind}, not ${requestedKind}`);
  }
}

const MAX_ERROR_CHARS = 4000;

/** The error as stored in `lastError`: name, message and stack (causes included), cut to a safe size. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 3; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.stack ?? `${current.name}: ${current.message}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  const text = parts.join('\ncaused by: ');
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}\n… (truncated)` : text;
}
