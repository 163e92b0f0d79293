import type { Timers } from '../../src/core/timers.js';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/** Lets promise chains started by a timer run to their next wait (real macrotask turns, not fake time). */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock the test moves by hand. `advance(ms)` fires due timers in order, letting the async work each
 * one starts run before looking for the next, so back-off and pacing take no real time.
 */
export class FakeTimers implements Timers {
  private current = 1_000_000;
  private seq = 0;
  private pending: Pending[] = [];

  now(): number {
    return this.current;
  }

  schedule(fn: () => void, ms: number): () => void {
    const entry: Pending = { at: this.current + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  /** Delays (from now) of the timers still waiting, soonest first. */
  delays(): number[] {
    return this.pending.map((p) => p.at - this.current).sort((a, b) => a - b);
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const due = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
    await settle();
  }
}
