import type { LaneSetup } from './registry.js';

/**
 * In-process pacing of one lane: how many of its handlers may run at once, at most `max` starts per
 * `duration`, and a pause after a RateLimited answer. (On BullMQ the worker's own limiter does this.)
 */
export class LaneGate {
  private running = 0;
  private starts: number[] = [];
  private pausedUntil = 0;

  constructor(readonly setup: LaneSetup) {}

  /** How many runs may start at `now`. */
  room(now: number): number {
    if (now < this.pausedUntil) return 0;
    let free = this.setup.concurrency - this.running;
    const limiter = this.setup.limiter;
    if (limiter) {
      this.starts = this.starts.filter((t) => t > now - limiter.duration);
      free = Math.min(free, limiter.max - this.starts.length);
    }
    return Math.max(0, free);
  }

  /** Whether every slot is taken (then only a finishing run opens one; no timer needed). */
  full(): boolean {
    return this.running >= this.setup.concurrency;
  }

  /** When time alone opens room again (end of a pause or of the limiter window); undefined if it is open. */
  opensAt(now: number): number | undefined {
    if (now < this.pausedUntil) return this.pausedUntil;
    const limiter = this.setup.limiter;
    if (limiter && this.room(now) === 0 && this.starts.length > 0 && !this.full()) return this.starts[0]! + limiter.duration;
    return undefined;
  }

  started(now: number): void {
    this.running += 1;
    if (this.setup.limiter) this.starts.push(now);
  }

  finished(): void {
    this.running = Math.max(0, this.running - 1);
  }

  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}
