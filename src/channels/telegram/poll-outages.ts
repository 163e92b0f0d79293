import { HttpError, type Transformer } from 'grammy';
import { Backoff, type BackoffPolicy } from '../../core/backoff.js';
import { sleep, type Timers } from '../../core/timers.js';
import type { OutageLog } from './outage-log.js';

/**
 * A long poll that has not answered this long after the wait it asked Telegram for is given up: on a
 * connection that silently died, the request would otherwise hang for grammY's 500 s default.
 */
const POLL_GRACE_MS = 15_000;

type ApiSignal = Parameters<Transformer>[3];

/** Telegram's answer to a long poll that another getUpdates request for the same bot cut short. */
const CONFLICT = 409;

/**
 * getUpdates through outages: a network failure or a 5xx is retried here with the bot's reconnect
 * back-off (at most 15 s apart), logging one warning when the outage starts and one info line when it
 * ends. The runner's own retries would be silent and double their wait without a cap. A 409 is retried
 * the same way, under its own warning: Telegram sends it whenever another getUpdates for this bot arrives
 * (a second instance polling, an instance confirming its last updates as it stops, someone's curl), and
 * the runner would stop polling for good on it while the process ran on answering nobody. What reaches
 * the runner now is only what retrying cannot fix (401, a revoked token).
 */
export function pollThroughOutages(deps: {
  timers: Timers;
  reconnect: BackoffPolicy;
  outage: OutageLog;
  conflict: OutageLog;
}): Transformer {
  const { outage, conflict } = deps;
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    const backoff = new Backoff(deps.reconnect);
    const waitMs = Number((payload as { timeout?: number }).timeout ?? 0) * 1000;
    // grammY types signals with its abort-controller polyfill; at run time they are Node's own.
    const outer = signal as AbortSignal | undefined;
    for (;;) {
      let failure: unknown;
      const attempt = AbortSignal.any([AbortSignal.timeout(waitMs + POLL_GRACE_MS), ...(outer ? [outer] : [])]);
      try {
        const result = await prev(method, payload, attempt as unknown as ApiSignal);
        if (result.ok || (result.error_code < 500 && result.error_code !== CONFLICT)) {
          outage.recovered();
          conflict.recovered();
          return result;
        }
        failure = { error_code: result.error_code, description: result.description };
      } catch (error) {
        if (outer?.aborted || !(error instanceof HttpError)) throw error;
        failure = error;
      }
      const delay = backoff.next();
      const log = (failure as { error_code?: number }).error_code === CONFLICT ? conflict : outage;
      log.failed(failure, delay);
      await sleep(deps.timers, delay, outer);
    }
  };
}
