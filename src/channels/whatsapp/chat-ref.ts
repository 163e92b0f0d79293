import { createHash } from 'node:crypto';

/**
 * How logs name a WhatsApp chat. A chat id is the person's phone number (`628…@c.us`), which must not
 * end up in log files; the first 10 hex characters of its SHA-256 are stable across restarts, so the
 * lines about one chat can still be followed, and an operator who knows a number can hash it to find
 * them. It hides the number from a casual reader, not from someone who hashes every possible number.
 */
export function chatRef(chatId: string): string {
  return createHash('sha256').update(chatId).digest('hex').slice(0, 10);
}

/**
 * An error text with the chat's number replaced by its reference: whatsapp-web.js and the core may
 * quote the chat id in an error message, and that message goes into the log.
 */
export function withoutNumber(text: string, chatId: string): string {
  const number = chatId.split('@')[0];
  return number ? text.split(number).join(`chat:${chatRef(chatId)}`) : text;
}
