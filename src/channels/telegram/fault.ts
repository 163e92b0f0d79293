import { BotError, GrammyError, HttpError } from 'grammy';

/** What a log line may say about a failure: enough to act on, never the bot token. */
export interface FaultSummary {
  kind: 'telegram' | 'network' | 'error';
  message: string;
  method?: string;
  code?: number;
  retryAfter?: number;
  updateId?: number;
}

/**
 * Summarises a failure from grammY or a handler for the log. grammY already keeps the token out of
 * HttpError messages; the token is still scrubbed from every string in case a URL slipped into one
 * (a failed file download, a proxy error page).
 */
export function describeFault(error: unknown, token: string): FaultSummary {
  const scrub = (s: string) => (token ? s.split(token).join('[token]') : s);
  if (error instanceof BotError) {
    return { ...describeFault(error.error, token), updateId: error.ctx.update.update_id };
  }
  if (error instanceof GrammyError) {
    return {
      kind: 'telegram',
      message: scrub(error.description),
      method: error.method,
      code: error.error_code,
      ...(error.parameters.retry_after !== undefined ? { retryAfter: error.parameters.retry_after } : {}),
    };
  }
  if (error instanceof HttpError) return { kind: 'network', message: scrub(error.message) };
  if (error instanceof Error) return { kind: 'error', message: scrub(error.message) };
  return { kind: 'error', message: scrub(String(error)) };
}

/** Telegram asked Pandu to slow down (and auto-retry gave up waiting). */
export function isRateLimited(error: unknown): boolean {
  const inner = error instanceof BotError ? error.error : error;
  return inner instanceof GrammyError && inner.error_code === 429;
}
