/**
 * Time as adapters and start-up code see it. Back-off, pacing and shutdown limits wait for seconds or
 * minutes in production; tests pass a fake so they can move time forward instantly.
 */
export interface Timers {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  schedule(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/** Thrown by sleep() when its signal aborts the wait. */
export class SleepAbortedError extends Error {
  constructor() {
    super('wait aborted');
    this.name = 'SleepAbortedError';
  }
}

/** Waits `ms` on the given timers; rejects with SleepAbortedError as soon as `signal` aborts. */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SleepAbortedError());
    const onAbort = () => {
      cancel();
      reject(new SleepAbortedError());
    };
    const cancel = timers.schedule(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms`: for calls into a browser or server that
 * may never answer. The work itself is not cancelled; its late result is ignored.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, timers: Timers, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = timers.schedule(() => reject(onTimeout()), ms);
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}
