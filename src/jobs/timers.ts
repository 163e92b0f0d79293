import type { Timers } from '../core/timers.js';

/**
 * Time as the job layer sees it (when to wake the dispatcher, renew a lease, or give up waiting for a
 * handler at shutdown) is core's Timers port, so one fake serves every layer in tests.
 */
export type { Timers };

/** Real timers that never keep the process alive on their own (a CLI exits when its work is done). */
export const realTimers: Timers = {
  now: () => Date.now(),
  schedule(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref();
    return () => clearTimeout(handle);
  },
};

/** Waits for `promise` at most `ms`; true when it settled in time (it keeps running either way). */
export async function settlesWithin(promise: Promise<unknown>, ms: number, timers: Timers): Promise<boolean> {
  let cancel = () => {};
  const timeout = new Promise<false>((resolve) => {
    cancel = timers.schedule(() => resolve(false), ms);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    cancel();
  }
}
