import { BotError, GrammyError } from 'grammy';
import type { ErrScrubbing } from '../../logger.js';

/**
 * What Telegram's logger does with a logged `err`: the Error is kept with its stack, grammY's BotError
 * is replaced by the error it wraps (it holds the whole update context), the request payload of a
 * GrammyError is left out (it holds the person's message or a whole document), and the bot token is
 * scrubbed from every string, in case a URL slipped into a message or stack (a failed file download, a
 * proxy error page). grammY itself already keeps the token out of HttpError messages.
 */
export function telegramErrScrubbing(token: string): ErrScrubbing {
  return {
    scrub: (text) => (token ? text.split(token).join('[token]') : text),
    omit: ['payload', 'ctx'],
    unwrap: (error) => (error instanceof BotError ? error.error : error),
  };
}

/** Telegram asked Pandu to slow down (and Pandu gave up waiting). */
export function isRateLimited(error: unknown): boolean {
  const inner = error instanceof BotError ? error.error : error;
  return inner instanceof GrammyError && inner.error_code === 429;
}

/** Telegram refused the token: a configuration error that no retry can fix. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 401;
}
