/** Answers stay well under Telegram's 4096-character limit, leaving room for the footer. */
export const MAX_ANSWER_CHARS = 3200;

/**
 * Shortens text to at most `max` characters at a paragraph or sentence boundary, so a long answer
 * still reads as whole sentences. Returns the text unchanged when it fits.
 */
export function fitText(text: string, max = MAX_ANSWER_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const head = text.slice(0, max);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > max * 0.6) return { text: head.slice(0, paragraph).trimEnd(), truncated: true };
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('; '));
  if (sentence > max * 0.5) return { text: head.slice(0, sentence + 1).trimEnd(), truncated: true };
  const space = head.lastIndexOf(' ');
  return { text: `${head.slice(0, space > 0 ? space : max).trimEnd()} …`, truncated: true };
}

/**
 * The first `n` sentences of a text (for short "related" notes). A full stop inside a number or an
 * address ("1.917", "23.59", "sinovik.menpan.go.id") does not end a sentence.
 */
export function firstSentences(text: string, n: number): string {
  const parts = text.replace(/\s+/g, ' ').trim().match(/(?:[^.!?]|[.!?](?!\s|$))+(?:[.!?]+(?=\s|$)|$)/g) ?? [text];
  return parts.slice(0, n).join('').trim();
}
