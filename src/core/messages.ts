/**
 * The channel-agnostic language between channel adapters and Pandu's core. Adapters translate Telegram,
 * WhatsApp or terminal input into an IncomingMessage and render Replies back; nothing else crosses.
 */

export type ChannelName = 'telegram' | 'whatsapp' | 'terminal';

/** A file the user sent; the bytes are fetched only when a feature wants them. */
export interface IncomingFile {
  fileName: string;
  mimeType?: string;
  size?: number;
  /**
   * The largest file the channel lets Pandu download, when it has a limit of its own (Telegram's Bot
   * API serves bots files up to 20 MB), so a feature can say so before trying.
   */
  downloadLimit?: number;
  download(): Promise<Buffer>;
}

export interface IncomingMessage {
  channel: ChannelName;
  /** The person's stable id on that channel (Telegram user id, WhatsApp chat id, terminal user). */
  senderId: string;
  /**
   * Other ids the channel knows for the same account (WhatsApp: the `…@c.us` form of a `…@lid` sender),
   * so the person stays one user whichever form arrives.
   */
  senderAliases?: string[];
  displayName?: string;
  /** Channel message id, used to ignore redelivered messages. */
  messageId?: string;
  text?: string;
  /** The id of a button or list choice the user picked. */
  choiceId?: string;
  file?: IncomingFile;
  /** The file in the message this one replies to ("/kb_tambah" sent as a reply to a document). */
  repliedFile?: IncomingFile;
  /** Files sent together (a Telegram album) share this id; each arrives as a message of its own. */
  albumId?: string;
  /** Something Pandu cannot read (sticker, photo, voice note, location), by kind. */
  unsupported?: string;
  /**
   * Where the message was written. In a group the adapter passes only messages addressed to Pandu
   * (a mention or a command); personal features (drafts, linking) then ask the person to chat privately.
   */
  conversation?: 'private' | 'group';
}

/** A menu option: Telegram shows a button, WhatsApp and the terminal a numbered line. */
export interface Choice {
  /** `<feature>:<payload>`, at most 64 bytes (Telegram's callback_data limit). */
  id: string;
  label: string;
}

export interface OutgoingDocument {
  fileName: string;
  mimeType: string;
  data: Buffer;
  caption?: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  document?: OutgoingDocument;
}

export const MAX_CHOICE_ID_BYTES = 64;

/** Whether `<feature>:<payload>` fits a choice id (see MAX_CHOICE_ID_BYTES). */
export function choiceFits(feature: string, payload: string): boolean {
  return Buffer.byteLength(`${feature}:${payload}`) <= MAX_CHOICE_ID_BYTES;
}

export function choice(feature: string, payload: string, label: string): Choice {
  const id = `${feature}:${payload}`;
  if (!choiceFits(feature, payload)) throw new Error(`choice id too long: ${id}`);
  return { id, label };
}

/** The menu a person sees last among these replies (the one a typed number picks from), if any. */
export function lastMenu(replies: readonly Reply[]): Choice[] | undefined {
  return [...replies].reverse().find((r) => r.choices && r.choices.length > 0)?.choices;
}
