import { performance } from 'node:perf_hooks';

/**
 * Long index work (building, loading) written as a generator that yields at points where it may stop for
 * a while. Run to the end at once (tests, the evaluation, the `kb` command) or paced, giving the event loop
 * back between slices, so a running bot keeps answering from its old index while the new one is built.
 */
export type Work<T> = Generator<void, T, void>;

/** How paced work shares the event loop: at most `budgetMs` of work, then `pause()`. */
export interface Pace {
  budgetMs: number;
  /** Waits before the next slice; by default one turn of the event loop (setImmediate). */
  pause: () => Promise<void>;
}

/** Slices well under the 100 ms a message may wait, leaving room for the message's own work. */
export const DEFAULT_PACE: Pace = { budgetMs: 40, pause: () => new Promise((resolve) => setImmediate(resolve)) };

/** Does all the work now. */
export function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Does the work in slices of `pace.budgetMs`, pausing between them. */
export async function runPaced<T>(work: Work<T>, pace: Pace): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= pace.budgetMs) {
      await pace.pause();
      sliceStart = performance.now();
    }
  }
}

