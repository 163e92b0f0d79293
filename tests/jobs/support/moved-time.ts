import type { Timers } from '../../../src/jobs/timers.js';
import { FakeTimers, settle } from '../../support/fake-timers.js';

export { settle };

/**
 * A clock and timers the test moves. `advance` fires due timers in order (a running process living
 * through the time); `jump` moves the clock without firing anything (downtime, a restart, a clock change).
 */
export class MovedTime implements Timers {
  private readonly inner = new FakeTimers();
  private offset: number;

  constructor(start: Date | string) {
    this.offset = new Date(start).getTime() - this.inner.now();
  }

  now(): number {
    return this.inner.now() + this.offset;
  }

  schedule(fn: () => void, ms: number): () => void {
    return this.inner.schedule(fn, ms);
  }

  advance(ms: number): Promise<void> {
    return this.inner.advance(ms);
  }

  jump(ms: number): void {
    this.offset += ms;
  }

  /** Moves the clock to an absolute time without firing timers. */
  jumpTo(at: Date | string): void {
    this.jump(new Date(at).getTime() - this.now());
  }

  readonly clock = (): Date => new Date(this.now());
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
