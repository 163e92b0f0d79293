import { autoRetry, type AutoRetryOptions } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';

/**
 * How long Pandu keeps trying a failed Telegram call. Five retries with auto-retry's back-off (3 s,
 * doubling) cover a short network or Bot API outage; a 429 asking for more than a minute is given up
 * on, because the person would have stopped waiting for that answer.
 */
export const DEFAULT_RETRY: Pick<AutoRetryOptions, 'maxRetryAttempts' | 'maxDelaySeconds'> = {
  maxRetryAttempts: 5,
  maxDelaySeconds: 60,
};

/**
 * auto-retry for every call except chat actions: a "typing…" that arrives late is worthless, and
 * retrying it would only add load while Telegram is already asking Pandu to slow down.
 */
export function retryTransformer(options: Partial<AutoRetryOptions> = {}): Transformer {
  const retry = autoRetry({ ...DEFAULT_RETRY, ...options });
  return (prev, method, payload, signal) =>
    method === 'sendChatAction' ? prev(method, payload, signal) : retry(prev, method, payload, signal);
}
