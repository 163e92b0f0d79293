import type { Translate } from '../../i18n/translator.js';
import type { OutgoingDocument, Reply } from '../../core/messages.js';
import { renderNumberedChoices } from '../render/numbered-choices.js';
import { splitText } from '../render/split-text.js';
import { WHATSAPP_TEXT_LIMIT } from './limits.js';

/** One WhatsApp message to send. */
export type WaOutgoing = { kind: 'text'; text: string } | { kind: 'document'; document: OutgoingDocument };

/**
 * How a Reply looks on WhatsApp: menus become a numbered list (buttons are deprecated there; the router
 * maps the typed number back), long text is split into several messages, and a document follows its text.
 */
export function renderReply(reply: Reply, t: Translate, limit = WHATSAPP_TEXT_LIMIT): WaOutgoing[] {
  const text = renderNumberedChoices(reply.text, reply.choices, t);
  const out: WaOutgoing[] = splitText(text, limit).map((part) => ({ kind: 'text', text: part }));
  const doc = reply.document;
  if (doc) {
    // A caption that repeats the text just sent would show the same words twice in a row.
    const repeated = doc.caption !== undefined && doc.caption.trim() === reply.text.trim();
    out.push({ kind: 'document', document: repeated ? { ...doc, caption: undefined } : doc });
  }
  return out;
}
