import type { CallbackQuery, Message, Update, User } from 'grammy/types';
import type { IncomingFile, IncomingMessage } from '../../core/messages.js';
import { TELEGRAM_DOWNLOAD_LIMIT } from './limits.js';

/** Who the bot is (from getMe): needed to tell which group messages are addressed to it. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** Fetches the bytes of a Telegram file by its file_id (getFile, then the file URL). */
export type FileDownloader = (fileId: string) => Promise<Buffer>;

/**
 * Telegram message kinds Pandu cannot read, mapped to the kind names the core describes to the user.
 * Checked in this order; an animation comes first because Telegram also fills `document` for it.
 */
const UNSUPPORTED_KINDS: ReadonlyArray<readonly [keyof Message, string]> = [
  ['animation', 'video'],
  ['sticker', 'sticker'],
  ['voice', 'voice'],
  ['video_note', 'video'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['venue', 'location'],
  ['location', 'location'],
  ['contact', 'contact'],
  ['poll', 'poll'],
  ['dice', 'dice'],
  ['story', 'story'],
  ['game', 'game'],
];

/**
 * Translates one Telegram update into the core's IncomingMessage, or undefined when Pandu should stay
 * silent: updates it does not use, channel posts, other bots, service messages, and group messages not
 * addressed to it. In a group a message is addressed to Pandu when it is a command without a bot name or
 * with Pandu's, mentions @Pandu, or replies to one of Pandu's messages; the mention is taken out of the
 * text. Message ids are `chat:message` (callback ids for buttons) so the core can drop redeliveries.
 */
export function toIncoming(update: Update, me: BotIdentity, download: FileDownloader): IncomingMessage | undefined {
  if (update.message) return fromMessage(update.message, me, download);
  if (update.callback_query) return fromCallback(update.callback_query);
  return undefined;
}

function fromMessage(message: Message, me: BotIdentity, download: FileDownloader): IncomingMessage | undefined {
  const from = message.from;
  if (!from || message.chat.type === 'channel' || message.is_automatic_forward) return undefined;
  const conversation = message.chat.type === 'private' ? 'private' : 'group';
  // An anonymous group admin writes as the group itself: Telegram names the sender "GroupAnonymousBot" (a
  // bot) and puts the group in sender_chat. Such a message is a person's; any other bot's is not.
  const onBehalf = conversation === 'group' ? message.sender_chat : undefined;
  if (from.is_bot && !onBehalf) return undefined;
  const written = message.text ?? message.caption;
  const text = conversation === 'group' ? addressedText(message, written, me) : withoutOwnName(written, me);
  if (conversation === 'group' && text === undefined) return undefined;

  const base: IncomingMessage = {
    channel: 'telegram',
    ...(onBehalf ? chatSender(onBehalf) : sender(from)),
    messageId: `${message.chat.id}:${message.message_id}`,
    conversation,
    ...(message.media_group_id ? { albumId: `${message.chat.id}:${message.media_group_id}` } : {}),
  };
  const unsupported = UNSUPPORTED_KINDS.find(([field]) => message[field] !== undefined)?.[1];
  const document = documentOf(message, download);
  if (document) return { ...base, ...(text ? { text } : {}), file: document };
  if (message.photo?.length) {
    // Several sizes arrive; the largest is kept. Telegram re-encodes photos as JPEG and gives them no name.
    const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const file = { fileName: `foto-${largest.file_unique_id}.jpg`, mimeType: 'image/jpeg', size: largest.file_size };
    return { ...base, ...(text ? { text } : {}), file: { ...file, download: () => download(largest.file_id) } };
  }
  if (unsupported) return { ...base, unsupported };
  if (message.text !== undefined) {
    // A command sent as a reply to a document acts on that document ("/kb_tambah" under a PDF).
    const replied = message.reply_to_message ? documentOf(message.reply_to_message, download) : undefined;
    return { ...base, text: text ?? '', ...(replied ? { repliedFile: replied } : {}) };
  }
  return undefined;
}

function documentOf(message: Message, download: FileDownloader): IncomingFile | undefined {
  if (message.animation !== undefined || !message.document) return undefined;
  const { file_id: fileId, file_name: fileName, mime_type: mimeType, file_size: size } = message.document;
  return {
    fileName: fileName ?? 'berkas',
    mimeType,
    size,
    downloadLimit: TELEGRAM_DOWNLOAD_LIMIT,
    download: () => download(fileId),
  };
}

function fromCallback(query: CallbackQuery): IncomingMessage | undefined {
  // Game callbacks carry no data; Pandu only sends data buttons.
  if (query.data === undefined || query.from.is_bot) return undefined;
  const chatType = query.message?.chat.type;
  return {
    channel: 'telegram',
    ...sender(query.from),
    messageId: `callback:${query.id}`,
    choiceId: query.data,
    conversation: chatType === undefined || chatType === 'private' ? 'private' : 'group',
  };
}

function sender(from: User): Pick<IncomingMessage, 'senderId' | 'displayName'> {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ').trim();
  return { senderId: String(from.id), ...(displayName ? { displayName } : {}) };
}

/** A chat writing as itself (its id is negative, so it never meets a person's id). */
function chatSender(chat: NonNullable<Message['sender_chat']>): Pick<IncomingMessage, 'senderId' | 'displayName'> {
  const title = 'title' in chat ? chat.title : undefined;
  return { senderId: String(chat.id), ...(title ? { displayName: title } : {}) };
}

/** The text of a group message addressed to Pandu (without the mention), or undefined if it is not. */
function addressedText(message: Message, text: string | undefined, me: BotIdentity): string | undefined {
  const command = text ? /^\/[A-Za-z0-9_]+(?:@(\w+))?/.exec(text) : null;
  if (command) {
    const target = command[1];
    if (target && target.toLowerCase() !== me.username.toLowerCase()) return undefined;
    return withoutOwnName(text, me) ?? '';
  }
  const mentioned = text !== undefined && mentionPattern(me).test(text);
  const repliesToMe = message.reply_to_message?.from?.id === me.id;
  if (!mentioned && !repliesToMe) return undefined;
  return withoutOwnName(text, me) ?? '';
}

/** Removes "@PanduBot" (from a command or a mention) so the core sees only what the person asked. */
function withoutOwnName(text: string | undefined, me: BotIdentity): string | undefined {
  if (text === undefined) return undefined;
  const command = /^(\/[A-Za-z0-9_]+)@(\w+)/.exec(text);
  if (command && command[2]!.toLowerCase() === me.username.toLowerCase()) {
    text = command[1]! + text.slice(command[0].length);
  }
  return text
    .replace(new RegExp(mentionPattern(me).source + '[,:]?', 'gi'), '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function mentionPattern(me: BotIdentity): RegExp {
  const name = me.username.replace(/[^\w]/g, '');
  return new RegExp(`(^|[^\\w@/])@${name}(?!\\w)`, 'i');
}
