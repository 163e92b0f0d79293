export interface Backoff {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Longest wait between attempts. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** How long to wait after failed attempt number `attempt` (1-based): doubling from baseMs, capped. */
export function backoffDelay(attempt: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}
