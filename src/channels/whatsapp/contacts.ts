import { withTimeout, type Timers } from '../../core/timers.js';
import type { Logger } from '../../logger.js';
import { chatRef } from './chat-ref.js';
import type { WaClientLike, WaMessageLike } from './wa-client.js';

/** Who wrote a message, as the core should know them. */
export interface Sender {
  /** The person's stable id: their `…@lid` when WhatsApp knows it, else the chat id as delivered. */
  senderId: string;
  /** The other forms of the same account (the `…@c.us` phone form), stored as identities of the same user. */
  aliases: string[];
  /** The name the person chose in WhatsApp (contact pushname). */
  displayName?: string;
}

export interface ContactDirectoryOptions {
  client: WaClientLike;
  timers: Timers;
  logger: Logger;
  /** A lookup in the browser that takes longer is given up (the message is still answered). */
  timeoutMs?: number;
  /** How long a looked-up contact is reused; names rarely change, the lid/phone pair never does. */
  ttlMs?: number;
  /** After a failed lookup, the chat id alone is used this long before asking the browser again. */
  retryAfterMs?: number;
  maxEntries?: number;
}

interface Entry {
  sender: Sender;
  expiresAt: number;
}

/**
 * Names the sender of a message for the core. WhatsApp delivers one person as `628…@c.us` one day and
 * `…@lid` the next; asking whatsapp-web.js for both forms (getContactLidAndPhone) and passing the lid as
 * the id with the phone form as an alias keeps that person one user with one set of drafts. The lid is
 * the stable choice: it is WhatsApp's own id for the account, survives a change of phone number, and is
 * the form WhatsApp moves every chat to. Answers are cached in memory (the pairing itself is stored by
 * the core), so a busy chat costs one lookup an hour, and a browser that does not answer only costs the
 * pairing, never the reply.
 */
export class ContactDirectory {
  private readonly entries = new Map<string, Entry>();
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly retryAfterMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: ContactDirectoryOptions) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.retryAfterMs = options.retryAfterMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
  }

  async identify(msg: WaMessageLike): Promise<Sender> {
    const chatId = msg.from;
    const now = this.options.timers.now();
    const cached = this.entries.get(chatId);
    if (cached && cached.expiresAt > now) return cached.sender;
    const [ids, displayName] = await Promise.all([this.ids(chatId), this.name(msg)]);
    const sender: Sender = { senderId: ids.senderId, aliases: ids.aliases, ...(displayName ? { displayName } : {}) };
    this.remember(chatId, sender, now + (ids.resolved ? this.ttlMs : this.retryAfterMs));
    return sender;
  }

  private async ids(chatId: string): Promise<{ senderId: string; aliases: string[]; resolved: boolean }> {
    const { client } = this.options;
    const alone = { senderId: chatId, aliases: [] };
    if (!client.getContactLidAndPhone) return { ...alone, resolved: true };
    try {
      const [pair] = await this.bounded(client.getContactLidAndPhone([chatId]), 'getContactLidAndPhone');
      const lid = pair?.lid ?? undefined;
      const pn = pair?.pn ?? undefined;
      // An answer that does not include the chat it was asked about is not about this person.
      if (chatId !== lid && chatId !== pn) return { ...alone, resolved: true };
      const senderId = lid ?? chatId;
      return { senderId, aliases: [lid, pn].filter((id): id is string => Boolean(id) && id !== senderId), resolved: true };
    } catch (error) {
      this.options.logger.warn(
        { err: error, chat: chatRef(chatId) },
        'could not look up both WhatsApp ids of a contact; using the chat id',
      );
      return { ...alone, resolved: false };
    }
  }

  private async name(msg: WaMessageLike): Promise<string | undefined> {
    if (!msg.getContact) return undefined;
    try {
      const contact = await this.bounded(msg.getContact(), 'getContact');
      return contact.pushname?.trim() || undefined;
    } catch (error) {
      this.options.logger.debug({ err: error, chat: chatRef(msg.from) }, 'WhatsApp contact name not available');
      return undefined;
    }
  }

  private bounded<T>(work: Promise<T>, what: string): Promise<T> {
    return withTimeout(work, this.timeoutMs, this.options.timers, () => new Error(`${what} gave no answer within ${this.timeoutMs} ms`));
  }

  private remember(chatId: string, sender: Sender, expiresAt: number): void {
    this.entries.delete(chatId);
    this.entries.set(chatId, { sender, expiresAt });
    // Map keeps insertion order: the first entry is the one looked up longest ago.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
