import { autoRetry } from '@grammyjs/auto-retry';
import { HttpError, type Transformer } from 'grammy';
import { Backoff, type BackoffPolicy } from '../../core/backoff.js';
import { realTimers, sleep, type Timers } from '../../core/timers.js';

export interface TelegramRetryOptions {
  /**
   * Waits between attempts of a call that failed on the network or with a 5xx. Capped at 15 s: a
   * Bot API that is back is used again within that time.
   */
  backoff: BackoffPolicy;
  /** Further attempts after such a failure before the call fails (and the person gets the apology). */
  maxRetries: number;
  /** A 429 asking for a longer pause than this is given up on: the person would have stopped waiting. */
  maxRetryAfterSeconds: number;
  /** Further attempts after a 429. */
  maxRateLimitRetries: number;
}

/** 1 + 2 + 4 + 8 s: a short network blip or Bot API restart is bridged; an outage fails within 15 s. */
export const DEFAULT_RETRY: TelegramRetryOptions = {
  backoff: { baseMs: 1_000, maxMs: 15_000 },
  maxRetries: 4,
  maxRetryAfterSeconds: 60,
  maxRateLimitRetries: 3,
};

/**
 * Calls whose network and 5xx failures are not retried here: getMe and getUpdates are retried, and their
 * outages logged, by the start-up loop and the poller, which retry without limit at a bounded pace.
 */
const RETRIED_ELSEWHERE = new Set(['getMe', 'getUpdates']);

type ApiSignal = Parameters<Transformer>[3];

/**
 * Retries for Bot API calls. @grammyjs/auto-retry honours a 429's retry_after; network failures and 5xx
 * answers are retried here with Pandu's bounded back-off, because auto-retry retries network errors
 * forever with waits doubling up to an hour, which left Pandu silent through an outage and unable to
 * notice for up to an hour that Telegram was back.
 */
export function retryTransformer(options: Partial<TelegramRetryOptions> = {}, timers: Timers = realTimers): Transformer {
  const settings = { ...DEFAULT_RETRY, ...options };
  const rateLimits = autoRetry({
    maxDelaySeconds: settings.maxRetryAfterSeconds,
    maxRetryAttempts: settings.maxRateLimitRetries,
    rethrowHttpErrors: true,
    rethrowInternalServerErrors: true,
  });
  const transformer: Transformer = async (prev, method, payload, signal) => {
    // A late "typing…" is worthless, and retrying it adds load while Telegram asks Pandu to slow down.
    if (method === 'sendChatAction') return prev(method, payload, signal);
    if (RETRIED_ELSEWHERE.has(method)) return rateLimits(prev, method, payload, signal);
    const backoff = new Backoff(settings.backoff);
    for (;;) {
      try {
        const result = await rateLimits(prev, method, payload, signal);
        if (result.ok || result.error_code < 500 || backoff.attempts >= settings.maxRetries) return result;
      } catch (error) {
        if (!(error instanceof HttpError) || aborted(signal) || backoff.attempts >= settings.maxRetries) throw error;
      }
      await sleep(timers, backoff.next(), signal as AbortSignal | undefined);
    }
  };
  return transformer;
}

function aborted(signal: ApiSignal): boolean {
  return Boolean(signal?.aborted);
}
