export interface BackoffOptions {
  /** Delay before the first retry. */
  baseMs: number;
  /** The longest delay; later retries wait this long. */
  maxMs: number;
}

/** Reconnect timing: a flaky network is retried quickly, a long outage once every few minutes. */
export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/** Delay before retry number `attempt` (0 = first retry): base · 2^attempt, capped at max. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const exponent = Math.min(Math.max(0, attempt), 30);
  return Math.min(options.maxMs, options.baseMs * 2 ** exponent);
}
