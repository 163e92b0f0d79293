import type { MessageEntity } from 'grammy/types';

/** Text without its `*…*` markers, and the bold entities that take their place. */
export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/**
 * WhatsApp-style bold: one asterisk on each side of text that starts and ends with a non-space character
 * on a single line, not touching a letter, digit or another asterisk outside (so `**x**`, a lone `*`,
 * `2 * 3` and `a*b*c` stay as written, as WhatsApp itself leaves them).
 */
const BOLD_SPAN = /(?<![\p{L}\p{N}_*])\*(?![\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}_*])/gu;

/**
 * The shared strings mark words to type as `*lanjut*`, which WhatsApp shows in bold. Telegram messages
 * go out without parse_mode (so no character in an answer can break formatting or get the message
 * refused), which would show the asterisks literally; instead they are removed and the words marked
 * with `bold` entities. Call it on each part after splitting: offsets are in UTF-16 code units (how
 * Telegram counts, and how JavaScript indexes strings) from the start of that part, and a span cut by
 * a split simply keeps its asterisks.
 */
export function boldSpans(input: string): FormattedText {
  const entities: MessageEntity[] = [];
  let text = '';
  let from = 0;
  for (const match of input.matchAll(BOLD_SPAN)) {
    const inner = match[1]!;
    text += input.slice(from, match.index);
    entities.push({ type: 'bold', offset: text.length, length: inner.length });
    text += inner;
    from = match.index + match[0].length;
  }
  return { text: text + input.slice(from), entities };
}
