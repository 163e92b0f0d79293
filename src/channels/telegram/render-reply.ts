import { InlineKeyboard, InputFile, type Api } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import { MAX_CHOICE_ID_BYTES, type Choice, type OutgoingDocument, type Reply } from '../../core/messages.js';
import type { Translate } from '../../i18n/translator.js';
import { splitText } from '../render/split-text.js';
import { boldSpans } from './bold-spans.js';
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from './limits.js';

/** One Telegram API call a reply turns into. */
export type TelegramOutgoing =
  | { kind: 'text'; text: string; entities?: MessageEntity[]; choices?: Choice[] }
  | { kind: 'document'; document: OutgoingDocument; caption?: string; captionEntities?: MessageEntity[]; choices?: Choice[] };

/** Where replies go: the chat, the forum topic the question came from, and (in groups) the question. */
export interface ReplyTarget {
  chatId: number;
  threadId?: number;
  /** In a busy group the first answer quotes the question so it is clear whom Pandu answers. */
  replyTo?: number;
}

/**
 * Turns one core Reply into Telegram messages: text split under 4096 characters, then the document (its
 * caption moved into a message of its own when longer than Telegram allows), with the menu as an inline
 * keyboard on the last message so the buttons sit under the text they belong to. `*word*` becomes bold
 * (see boldSpans) in each part after splitting, so every message carries its own entities; removing the
 * asterisks only shortens a part, so the limits checked on the raw text still hold.
 */
export function planReply(reply: Reply, t: Translate): TelegramOutgoing[] {
  const out: TelegramOutgoing[] = splitText(reply.text, TELEGRAM_TEXT_LIMIT).map(textMessage);
  if (reply.document) {
    const caption = reply.document.caption?.trim();
    if (caption && caption.length > TELEGRAM_CAPTION_LIMIT) {
      out.push(...splitText(caption, TELEGRAM_TEXT_LIMIT).map(textMessage));
      out.push({ kind: 'document', document: reply.document });
    } else {
      const formatted = caption ? boldSpans(caption) : undefined;
      out.push({
        kind: 'document',
        document: reply.document,
        ...(formatted ? { caption: formatted.text } : {}),
        ...(formatted?.entities.length ? { captionEntities: formatted.entities } : {}),
      });
    }
  }
  const choices = reply.choices ?? [];
  if (choices.length > 0) {
    // A menu without words still needs a message to hang on.
    if (out.length === 0) out.push({ kind: 'text', text: t('telegram.choose') });
    out[out.length - 1]!.choices = choices;
  }
  return out;
}

function textMessage(part: string): TelegramOutgoing {
  const { text, entities } = boldSpans(part);
  return { kind: 'text', text, ...(entities.length > 0 ? { entities } : {}) };
}

/** One button per row: labels stay readable on a phone and the order matches the numbered menus. */
export function choiceKeyboard(choices: readonly Choice[]): InlineKeyboard {
  return InlineKeyboard.from(
    choices.map((c) => {
      if (Buffer.byteLength(c.id) > MAX_CHOICE_ID_BYTES) throw new Error(`choice id longer than ${MAX_CHOICE_ID_BYTES} bytes: ${c.id}`);
      return [InlineKeyboard.text(c.label, c.id)];
    }),
  );
}

/**
 * Sends the replies of one update in order, one call after the other, so parts of a split answer can
 * never overtake each other. Text is sent without parse_mode: answers quote regulations verbatim and
 * no character in them can break the formatting or make Telegram refuse the message; bold comes as
 * entities, which Telegram applies by offset without reading the text. Returns the ids of the sent messages.
 */
export async function sendReplies(api: Api, target: ReplyTarget, replies: readonly Reply[], t: Translate): Promise<number[]> {
  let replyTo = target.replyTo;
  const sent: number[] = [];
  for (const reply of replies) {
    for (const message of planReply(reply, t)) {
      const common = {
        ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
        ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        ...(message.choices ? { reply_markup: choiceKeyboard(message.choices) } : {}),
      };
      if (message.kind === 'text') {
        const result = await api.sendMessage(target.chatId, message.text, {
          ...common,
          ...(message.entities ? { entities: message.entities } : {}),
          link_preview_options: { is_disabled: true },
        });
        sent.push(result.message_id);
      } else {
        const file = new InputFile(message.document.data, uploadFileName(message.document.fileName));
        const result = await api.sendDocument(target.chatId, file, {
          ...common,
          ...(message.caption ? { caption: message.caption } : {}),
          ...(message.captionEntities ? { caption_entities: message.captionEntities } : {}),
        });
        sent.push(result.message_id);
      }
      replyTo = undefined;
    }
  }
  return sent;
}

/**
 * A file name as it can travel in a multipart upload: grammY writes it unquoted into the part's
 * Content-Disposition, where the Bot API server ends it at a ";" (a name "Surat Edaran; Inovasi 2026.pdf"
 * arrived as "Surat Edaran", without its extension) and a quote or line break would break the header.
 */
export function uploadFileName(name: string): string {
  const printable = [...name].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '\\').join('');
  return printable.replace(/;/g, ',').replace(/"/g, "'") || 'dokumen';
}
