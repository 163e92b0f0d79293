import { withTimeout, type Timers } from '../../core/timers.js';
import type { Logger } from '../../logger.js';
import { chatRef } from './chat-ref.js';
import { isPrivateChat } from './to-incoming.js';
import type { WaClientLike, WaMessageLike } from './wa-client.js';

export interface CatchUpSettings {
  /** At most this many unread messages per chat are answered (the latest). */
  perChat: number;
  /** Older unread messages are not answered: a week-old "halo" answered out of the blue only confuses. */
  maxAgeMs: number;
  /** A browser call that takes longer is given up; the messages then wait for the next 'ready'. */
  timeoutMs: number;
}

export const DEFAULT_CATCH_UP: CatchUpSettings = { perChat: 20, maxAgeMs: 3 * 24 * 60 * 60_000, timeoutMs: 30_000 };

/**
 * The messages people sent while Pandu was down or reconnecting and that nobody answered: in each
 * private chat with unread messages, those after Pandu's last message there, oldest first. The caller
 * feeds them through the same path as live messages, where the core's record of handled message ids
 * keeps any of them from being answered twice (see messageKey).
 */
export async function unansweredMessages(
  client: WaClientLike,
  timers: Timers,
  logger: Logger,
  settings: CatchUpSettings = DEFAULT_CATCH_UP,
): Promise<WaMessageLike[]> {
  if (!client.getChats) return [];
  const bounded = <T>(work: Promise<T>, what: string) =>
    withTimeout(work, settings.timeoutMs, timers, () => new Error(`${what} gave no answer within ${settings.timeoutMs} ms`));
  const chats = await bounded(client.getChats(), 'getChats');
  const oldest = timers.now() - settings.maxAgeMs;
  const found: WaMessageLike[] = [];
  for (const chat of chats) {
    const chatId = chat.id._serialized;
    if (chat.isGroup || !isPrivateChat(chatId) || chat.unreadCount <= 0) continue;
    const recent = await bounded(chat.fetchMessages({ limit: Math.min(chat.unreadCount, settings.perChat) }), 'fetchMessages');
    const lastAnswer = recent.findLastIndex((m) => m.fromMe);
    const unanswered = recent.slice(lastAnswer + 1).filter((m) => !m.fromMe);
    const fresh = unanswered.filter((m) => m.timestamp === undefined || m.timestamp * 1000 >= oldest);
    const skipped = chat.unreadCount - fresh.length;
    if (skipped > 0) logger.warn({ chat: chatRef(chatId), skipped }, 'older unread WhatsApp messages left unanswered');
    found.push(...fresh);
  }
  return found;
}
