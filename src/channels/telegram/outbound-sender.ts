import { GrammyError, HttpError, type Api } from 'grammy';
import type { ChannelSendResult, OutboundChannel } from '../../core/outbound.js';
import type { Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { sendReplies } from './render-reply.js';

/**
 * Telegram's side of the outbound port: a proactive message goes to the person's private chat (its id is
 * their user id). The API's retry layer already waits out a 429; what is left is sorted here into "the
 * person blocked Pandu" (never retry), a refused request (no use retrying) and faults worth retrying.
 */
/**
 * `onceApi` (optional) is a client without the retry layer, for `sendOnce` (announcements).
 */
export function telegramOutbound(api: Api, t: Translate, available: () => boolean = () => true, onceApi?: Api): OutboundChannel {
  const sendWith = async (through: Api, externalId: string, replies: readonly Reply[]): Promise<ChannelSendResult> => {
    const chatId = Number(externalId);
    if (!Number.isSafeInteger(chatId)) return { status: 'failed', reason: `not a Telegram chat id: ${externalId}`, retryable: false };
    try {
      const ids = await sendReplies(through, { chatId }, replies, t);
      return { status: 'sent', messageIds: ids.map(String) };
    } catch (error) {
      return classifyTelegramFailure(error);
    }
  };
  return {
    channel: 'telegram',
    available,
    send: (externalId, replies) => sendWith(api, externalId, replies),
    // `onceApi` has no retry layer: a 429 reaches the broadcast lane, which pauses for every chat at once.
    ...(onceApi ? { sendOnce: (externalId: string, replies: readonly Reply[]) => sendWith(onceApi, externalId, replies) } : {}),
  };
}

/** What a failed send means for the next attempt. */
export function classifyTelegramFailure(error: unknown): ChannelSendResult {
  if (error instanceof GrammyError) {
    // 403: blocked by the user or deactivated; 400 "chat not found": the person never started the bot.
    if (error.error_code === 403 || (error.error_code === 400 && /chat not found|user not found/i.test(error.description))) {
      return { status: 'blocked', reason: error.description };
    }
    const retryable = error.error_code === 429 || error.error_code >= 500;
    const retryAfter = error.error_code === 429 ? error.parameters.retry_after : undefined;
    return {
      status: 'failed',
      reason: `${error.error_code} ${error.description}`,
      error,
      retryable,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }
  if (error instanceof HttpError) return { status: 'unavailable', reason: error.message };
  return {
    status: 'failed',
    reason: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error ? { error } : {}),
    retryable: true,
  };
}
