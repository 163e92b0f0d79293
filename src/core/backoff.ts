/**
 * How long to wait between attempts at something outside Pandu (a browser, the Bot API): short at first,
 * so a blip is bridged quickly, then growing to a cap, so a long outage is retried at a steady pace
 * without hammering the other side. The cap is also the longest a recovered service waits to be noticed.
 */
export interface BackoffPolicy {
  /** Wait before the first retry. */
  baseMs: number;
  /** The longest wait; later retries wait this long. */
  maxMs: number;
  /** Growth per attempt; default 2. */
  factor?: number;
}

/** Wait before retry number `attempt` (0 = first retry): base · factor^attempt, capped at max. */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(0, attempt), 30);
  return Math.min(policy.maxMs, policy.baseMs * (policy.factor ?? 2) ** exponent);
}

/**
 * One series of retries: `next()` is the wait before the coming attempt (and grows the next one),
 * `reset()` starts over after a success. Every retry loop in Pandu counts its attempts with this.
 */
export class Backoff {
  private attempt = 0;

  constructor(readonly policy: BackoffPolicy) {}

  next(): number {
    const delay = backoffDelay(this.attempt, this.policy);
    this.attempt += 1;
    return delay;
  }

  reset(): void {
    this.attempt = 0;
  }

  /** Retries handed out since the last reset. */
  get attempts(): number {
    return this.attempt;
  }
}
