import { createHash } from 'node:crypto';
import type { ErrScrubbing } from '../../logger.js';

/**
 * How logs name a WhatsApp chat. A chat id is the person's phone number (`628…@c.us`), which must not
 * end up in log files; the first 10 hex characters of its SHA-256 are stable across restarts, so the
 * lines about one chat can still be followed, and an operator who knows a number can hash it to find
 * them. It hides the number from a casual reader, not from someone who hashes every possible number.
 */
export function chatRef(chatId: string): string {
  return createHash('sha256').update(chatId).digest('hex').slice(0, 10);
}

/** A WhatsApp id (`628…@c.us`, `…@lid`, `…@s.whatsapp.net`, `…@g.us`), or a bare run of 8+ digits. */
const NUMBER = /(?<!\d)(\d{5,})(@(?:c\.us|lid|s\.whatsapp\.net|g\.us))?(?!\d)/g;

/**
 * A text with every WhatsApp id and phone number in it replaced by its chat reference: whatsapp-web.js
 * and the core may quote a chat id or a message id (which contains one) in an error message.
 */
export function withoutNumbers(text: string): string {
  return text.replace(NUMBER, (match, digits: string, server: string | undefined) => {
    if (server) return `chat:${chatRef(match)}`;
    return digits.length >= 8 ? `chat:${chatRef(`${digits}@c.us`)}` : match;
  });
}

/** What the WhatsApp logger does with a logged `err`: stack kept, phone numbers out. */
export const whatsappErrScrubbing: ErrScrubbing = { scrub: withoutNumbers };
