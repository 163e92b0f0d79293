/**
 * WhatsApp accepts much longer messages, but long bubbles get cut behind "Baca selengkapnya" and may fail
 * to send; about 4000 characters is the practical limit people use.
 */
export const WHATSAPP_TEXT_LIMIT = 4000;

/**
 * Splits a long text into messages of at most `limit` characters, cutting at the last paragraph break,
 * else line break, else sentence end, else space before the limit, so each part reads on its own.
 * A cut is only taken past half the limit, so parts do not become tiny.
 */
export function splitText(text: string, limit = WHATSAPP_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const min = Math.floor(limit / 2);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph >= min) return paragraph;
  const line = window.lastIndexOf('\n');
  if (line >= min) return line;
  const sentence = lastSentenceEnd(window);
  if (sentence >= min) return sentence;
  const space = window.lastIndexOf(' ');
  if (space >= min) return space;
  // One endless word: cut hard, but never between the two halves of an emoji.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Index just after the last ". ", "? " or "! " (the space starts the next part). */
function lastSentenceEnd(text: string): number {
  let best = -1;
  for (const match of text.matchAll(/[.!?…]["')\]]?\s/g)) best = match.index + match[0].length - 1;
  return best;
}
