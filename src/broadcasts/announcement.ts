import type { ChannelName, OutgoingDocument, Reply } from '../core/messages.js';
import type { Translate } from '../i18n/translator.js';
import { splitText } from '../channels/render/split-text.js';
import { TELEGRAM_TEXT_LIMIT } from '../channels/telegram/limits.js';
import { WHATSAPP_TEXT_LIMIT } from '../channels/whatsapp/limits.js';

/** The longest announcement accepted (a few messages at most: people stop reading long broadcasts). */
export const MAX_ANNOUNCEMENT_CHARS = 12_000;

/**
 * The messages one recipient receives, in order: the announcement with the one-line opt-out notice,
 * split as answers are split for that channel. A document, when attached, follows as its own message.
 */
export function announcementParts(text: string, channel: ChannelName, t: Translate): string[] {
  const limit = channel === 'whatsapp' ? WHATSAPP_TEXT_LIMIT : TELEGRAM_TEXT_LIMIT;
  return splitText(`${text.trim()}\n\n${t('broadcast.optout_line')}`, limit);
}

/** Part `index` of an announcement as a reply (the document rides on a message after the last text part). */
export function partReply(parts: readonly string[], index: number, document: OutgoingDocument | undefined): Reply {
  if (index < parts.length) return { text: parts[index]! };
  return { text: '', document: document! };
}

/** How many messages a recipient gets in all. */
export function messageCount(parts: readonly string[], document: OutgoingDocument | undefined): number {
  return parts.length + (document ? 1 : 0);
}
