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
  /** Waits before the next slice; by default one whole turn of the event loop (see turnOfTheLoop). */
  pause: () => Promise<void>;
}

/** Slices well under the 100 ms a message may wait, leaving room for the message's own work. */
export const DEFAULT_PACE: Pace = { budgetMs: 40, pause: turnOfTheLoop };

/**
 * Resolves once the event loop has been through its timers and its poll phase (where messages arrive).
 * One setImmediate is not enough when called from an I/O callback (a file read, a database answer): its
 * callback runs in the same turn, right after, and the work read would run on with no message let in.
 */
function turnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Does all the work now. */
export function runToEnd<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Does the work in slices of `pace.budgetMs`, pausing between them. It pauses before the first slice too:
 * what ran just before (the end of the previous piece of work, reading a file) must not share a slice with
 * it, or two budgets' worth of work would hold the event loop at once.
 */
export async function runPaced<T>(work: Work<T>, pace: Pace): Promise<T> {
  await pace.pause();
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

