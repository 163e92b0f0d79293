import type { EventEmitter } from 'node:events';

/**
 * The slice of whatsapp-web.js's `Client` that Pandu uses. The adapter depends on this, not on the
 * library, so tests hand in a fake EventEmitter and a later move to the WhatsApp Cloud API only has to
 * satisfy the same few members.
 *
 * Events the adapter listens to: 'qr' (qr: string), 'authenticated', 'auth_failure' (message: string),
 * 'ready', 'disconnected' (reason: WAState | 'LOGOUT'), 'change_state' (state: WAState),
 * 'message' (WaMessageLike).
 */
export interface WaClientLike extends EventEmitter {
  /** Launches the browser and opens WhatsApp Web; rejects when the browser or the network fails. */
  initialize(): Promise<void>;
  /** Closes the browser; the session on disk stays, so a later initialize() logs back in. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string | WaMediaLike, options?: WaSendOptions): Promise<unknown>;
  /** Connection state ("CONNECTED", "TIMEOUT", "UNPAIRED", …; null before WhatsApp Web has loaded). */
  getState(): Promise<string | null>;
  /** Both ids of each person: `lid` (`…@lid`) and `pn` (`…@c.us`); either may be missing. */
  getContactLidAndPhone?(userIds: string[]): Promise<Array<{ lid?: string | null; pn?: string | null }>>;
  /**
   * Asks WhatsApp for an 8-character code that links this session to the phone with that number
   * (international digits, e.g. 62812…), instead of scanning the QR; only while a QR is awaited.
   */
  requestPairingCode?(phoneNumber: string, showNotification?: boolean): Promise<string>;
  /** Every chat, with its unread count: what arrived while Pandu was away. */
  getChats?(): Promise<WaChatLike[]>;
}

/** The fields of a whatsapp-web.js `Chat` the adapter reads. */
export interface WaChatLike {
  id: { _serialized: string };
  isGroup: boolean;
  unreadCount: number;
  /** The latest `limit` messages, oldest first. */
  fetchMessages(options: { limit: number }): Promise<WaMessageLike[]>;
}

/** A file to send (whatsapp-web.js needs its own `MessageMedia` class: see create-client.ts). */
export interface WaMediaLike {
  mimetype: string;
  /** Base64 of the bytes. */
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

export interface WaSendOptions {
  caption?: string;
  sendMediaAsDocument?: boolean;
}

/** The fields of a whatsapp-web.js `Message` the adapter reads. */
export interface WaMessageLike {
  /** `id` is the message's own key; `_serialized` adds the chat, in whichever form (lid or c.us) it came. */
  id: { _serialized: string; id?: string };
  /** The chat: `628…@c.us` or `…@lid` for a person, `…@g.us` for a group, `status@broadcast`, … */
  from: string;
  fromMe: boolean;
  /** Text, or the caption of a media message. */
  body: string;
  /** whatsapp-web.js `MessageTypes`: 'chat', 'document', 'image', 'ptt', 'sticker', … */
  type: string;
  hasMedia: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  /** Seconds since the epoch, when it was sent. */
  timestamp?: number;
  /**
   * Raw WhatsApp Web data, read only where whatsapp-web.js 1.34 has no public field: a document's file
   * name, MIME type and size (public only after downloading it, in MessageMedia).
   */
  _data?: {
    filename?: string;
    mimetype?: string;
    size?: number;
    quotedMsg?: { type?: string; filename?: string; mimetype?: string; size?: number };
  };
  /** Whether this message replies to (quotes) another one. */
  hasQuotedMsg?: boolean;
  /** The message it replies to. */
  getQuotedMessage?(): Promise<WaMessageLike>;
  /** The sender's contact; its `pushname` is the name the person chose in WhatsApp. */
  getContact?(): Promise<{ pushname?: string | null }>;
  downloadMedia(): Promise<WaMediaLike | undefined>;
}
