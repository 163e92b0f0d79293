import type { EventEmitter } from 'node:events';

/**
 * The slice of whatsapp-web.js's `Client` that Pandu uses. The adapter depends on this, not on the
 * library, so tests hand in a fake EventEmitter and a later move to the WhatsApp Cloud API only has to
 * satisfy the same few members.
 *
 * Events the adapter listens to: 'qr' (qr: string), 'authenticated', 'auth_failure' (message: string),
 * 'ready', 'disconnected' (reason: WAState | 'LOGOUT'), 'message' (WaMessageLike).
 */
export interface WaClientLike extends EventEmitter {
  /** Launches the browser and opens WhatsApp Web; rejects when the browser or the network fails. */
  initialize(): Promise<void>;
  /** Closes the browser; the session on disk stays, so a later initialize() logs back in. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string | WaMediaLike, options?: WaSendOptions): Promise<unknown>;
  /** Connection state (e.g. "CONNECTED"), used only to enrich fault logs. */
  getState?(): Promise<unknown>;
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
  id: { _serialized: string };
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
  /** Raw WhatsApp Web data; only these optional fields are read. */
  _data?: { notifyName?: string; filename?: string; mimetype?: string; size?: number };
  downloadMedia(): Promise<WaMediaLike | undefined>;
}
