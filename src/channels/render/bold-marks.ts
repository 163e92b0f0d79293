/** Where a `*…*` span was, in the text without its asterisks (UTF-16 code units, as JavaScript and Telegram count). */
export interface BoldRun {
  offset: number;
  length: number;
}

/**
 * WhatsApp-style bold: one asterisk on each side of text that starts and ends with a non-space character
 * on a single line, not touching a letter, digit or another asterisk outside (so `**x**`, a lone `*`,
 * `2 * 3` and `a*b*c` stay as written, as WhatsApp itself leaves them).
 */
const BOLD_SPAN = /(?<![\p{L}\p{N}_*])\*(?![\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}_*])/gu;

/**
 * The shared strings mark words to type as `*lanjut*`, which WhatsApp shows in bold. Channels that show
 * bold another way (Telegram entities, a terminal's escape codes) take the text without the asterisks and
 * the runs to embolden.
 */
export function boldRuns(input: string): { text: string; runs: BoldRun[] } {
  const runs: BoldRun[] = [];
  let text = '';
  let from = 0;
  for (const match of input.matchAll(BOLD_SPAN)) {
    const inner = match[1]!;
    text += input.slice(from, match.index);
    runs.push({ offset: text.length, length: inner.length });
    text += inner;
    from = match.index + match[0].length;
  }
  return { text: text + input.slice(from), runs };
}
