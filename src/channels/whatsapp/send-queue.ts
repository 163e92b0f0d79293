import type { Logger } from '../../logger.js';
import { describeError } from './describe-error.js';
import { sleep, type Timers } from './timers.js';

export interface SendQueueOptions {
  /** At least this long between two outgoing messages, across all chats. */
  minGapMs: number;
  timers: Timers;
  logger: Logger;
  /** Source of jitter (0 ≤ x < 1); tests pass a constant. */
  random?: () => number;
  /** Jitter on top of the gap, as a fraction of minGapMs. */
  jitterRatio?: number;
  /** Pause before the one retry of a failed send. */
  retryPauseMs?: number;
}

/** Facts about a send that go into fault logs (never the message text: it may be personal). */
export interface SendLabel {
  chatId: string;
  kind: string;
}

/**
 * Every outgoing WhatsApp message goes through this one queue. WhatsApp flags numbers that send bursts,
 * so sends leave one at a time, at least `minGapMs` (plus a little random jitter, so the rhythm does not
 * look machine-made) after the previous one, whichever chat they are for. A failed send is retried once
 * after a pause and then given up with a log line; the queue never rejects, so a fault cannot stop the
 * adapter or the messages queued behind it.
 */
export class SendQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  private readonly random: () => number;
  private readonly jitterRatio: number;
  private readonly retryPauseMs: number;

  constructor(private readonly options: SendQueueOptions) {
    this.random = options.random ?? Math.random;
    this.jitterRatio = options.jitterRatio ?? 0.25;
    this.retryPauseMs = options.retryPauseMs ?? 5_000;
  }

  /** Queues a send. Resolves true once it went out, false if it failed twice or the queue is closed. */
  enqueue(label: SendLabel, send: () => Promise<unknown>): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    const result = this.tail.then(() => this.run(label, send));
    this.tail = result;
    return result;
  }

  /** Resolves when everything queued so far has been sent or given up. */
  async drain(): Promise<void> {
    await this.tail;
  }

  /** Refuses new sends (at shutdown); already queued ones still go out. */
  close(): void {
    this.closed = true;
  }

  private async run(label: SendLabel, send: () => Promise<unknown>): Promise<boolean> {
    const { logger } = this.options;
    try {
      await this.attempt(send);
      return true;
    } catch (first) {
      logger.warn({ ...label, err: describeError(first) }, 'WhatsApp send failed; retrying once');
    }
    await sleep(this.options.timers, this.retryPauseMs);
    try {
      await this.attempt(send);
      return true;
    } catch (second) {
      logger.error({ ...label, err: describeError(second) }, 'WhatsApp send failed twice; message dropped');
      return false;
    }
  }

  private async attempt(send: () => Promise<unknown>): Promise<void> {
    const { minGapMs, timers } = this.options;
    const gap = minGapMs + this.random() * minGapMs * this.jitterRatio;
    const wait = this.lastAttemptAt + gap - timers.now();
    if (wait > 0) await sleep(timers, wait);
    try {
      await send();
    } finally {
      this.lastAttemptAt = timers.now();
    }
  }
}
