import type { IncomingFile, IncomingMessage } from '../../core/messages.js';
import type { WaMessageLike } from './wa-client.js';

/** What a WhatsApp message type is called in IncomingMessage.unsupported (the router names it in Indonesian). */
const UNSUPPORTED_KINDS: Record<string, string> = {
  image: 'image',
  album: 'image',
  sticker: 'sticker',
  ptt: 'voice',
  audio: 'audio',
  video: 'video',
  location: 'location',
  vcard: 'contact',
  multi_vcard: 'contact',
};

/**
 * Events that arrive as 'message' but are not something a person wrote to Pandu (deleted messages,
 * security-code changes, system notices); answering them would confuse the user.
 */
const SYSTEM_TYPES = new Set([
  'revoked',
  'e2e_notification',
  'notification',
  'notification_template',
  'gp2',
  'group_notification',
  'broadcast_notification',
  'protocol',
  'call_log',
  'ciphertext',
  'debug',
  'reaction',
]);

/**
 * Whether a chat id is a one-to-one chat with a person. Pandu answers only there: groups (@g.us), status
 * updates and broadcast lists (@broadcast) and channels (@newsletter) are not conversations with Pandu.
 */
export function isPrivateChat(chatId: string): boolean {
  return chatId.endsWith('@c.us') || chatId.endsWith('@lid');
}

/**
 * The message's own key, the same whether WhatsApp delivers it live or Pandu fetches it from the chat
 * later (the serialized id also names the chat, as `…@lid` one time and `…@c.us` another), so the core
 * recognises a message it has answered. It contains no phone number, unlike the serialized id.
 */
export function messageKey(msg: WaMessageLike): string {
  return msg.id.id || msg.id._serialized;
}

/**
 * Translates a whatsapp-web.js message into Pandu's IncomingMessage, or undefined for anything Pandu must
 * not answer (its own messages, other kinds of chat, system notices). The sender is the chat id as
 * delivered; the adapter then names the person by their stable id (see ContactDirectory).
 */
export function toIncoming(msg: WaMessageLike): IncomingMessage | undefined {
  if (msg.fromMe || msg.isStatus || msg.broadcast || !isPrivateChat(msg.from)) return undefined;
  if (SYSTEM_TYPES.has(msg.type)) return undefined;
  const base: IncomingMessage = {
    channel: 'whatsapp',
    senderId: msg.from,
    messageId: messageKey(msg),
    conversation: 'private',
  };

  if ((msg.type === 'document' || msg.type === 'image') && msg.hasMedia) {
    const caption = msg.body.trim();
    return { ...base, file: toFile(msg), ...(caption ? { text: caption } : {}) };
  }
  const unsupported = UNSUPPORTED_KINDS[msg.type];
  if (unsupported) return { ...base, unsupported };
  if (msg.type === 'chat') {
    const replied = quotedDocument(msg);
    return { ...base, text: msg.body, ...(replied ? { repliedFile: replied } : {}) };
  }
  // Polls, orders, events and future types: say politely that Pandu cannot read them.
  return { ...base, unsupported: msg.type };
}

/** The document a text message replies to ("/kb_tambah" sent as a reply to a PDF), fetched only when wanted. */
function quotedDocument(msg: WaMessageLike): IncomingFile | undefined {
  const quoted = msg._data?.quotedMsg;
  if (!msg.hasQuotedMsg || !msg.getQuotedMessage || quoted?.type !== 'document') return undefined;
  const getQuoted = msg.getQuotedMessage.bind(msg);
  return {
    fileName: quoted.filename?.trim() || 'dokumen',
    ...(quoted.mimetype ? { mimeType: quoted.mimetype } : {}),
    ...(typeof quoted.size === 'number' ? { size: quoted.size } : {}),
    async download() {
      return toFile(await getQuoted()).download();
    },
  };
}

function toFile(msg: WaMessageLike): IncomingFile {
  const raw = msg._data ?? {};
  return {
    fileName: raw.filename?.trim() || (msg.type === 'image' ? `foto.${raw.mimetype?.split('/')[1] ?? 'jpg'}` : 'dokumen'),
    ...(raw.mimetype ? { mimeType: raw.mimetype } : {}),
    ...(typeof raw.size === 'number' ? { size: raw.size } : {}),
    // Downloading goes through the browser, so it happens only when a feature actually wants the bytes.
    async download() {
      const media = await msg.downloadMedia();
      // Not the message id: it contains the sender's phone number, and this error may be logged.
      if (!media?.data) throw new Error(`WhatsApp ${msg.type} media could not be downloaded`);
      return Buffer.from(media.data, 'base64');
    },
  };
}
