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
 * address ("1.917", "23.59", "sinovik.menpan.go.id") does not end a sentence, nor does the full stop of a
 * list label ("a.", "b.", "2.") or an abbreviation ("No.", "dll."), so a list is never cut in the middle.
 */
export function firstSentences(text: string, n: number): string {
  return splitSentences(text).slice(0, n).join(' ').trim();
}

/**
 * A text cut to at most `max` characters for a pointer to a passage (the "Terkait" lines): at the end of a
 * list item ("; ") in the second half when there is one, else at a space, marked "…" and its quote closed.
 * An OCR'd list has no full stop for thousands of characters, so two sentences can be a whole article.
 */
export function clipNote(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const item = head.lastIndexOf('; ');
  const cut = item >= max / 2 ? item + 1 : Math.max(head.lastIndexOf(' '), Math.floor(max / 2));
  const clipped = `${text.slice(0, cut).trimEnd()} …`;
  return text.startsWith('“') ? `${clipped}”` : clipped;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['no', 'nomor', 'dll', 'dsb', 'dst', 'dkk', 'hlm', 'kab', 'prov', 'kec', 'jl', 'yth', 'sdr', 'bpk', 'ybs', 'tsb', 'sbb', 'ps', 'psl', 'ay', 'mis', 'misal']);

/** Sentences of a text, whitespace collapsed; see firstSentences for what does not end one. */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const out: string[] = [];
  let start = 0;
  for (const m of flat.matchAll(/[.!?]+(?= |$)/g)) {
    const end = m.index + m[0].length;
    const before = /(?:^|[\s(:;,])([\p{L}\d]{1,8})$/u.exec(flat.slice(start, m.index))?.[1] ?? '';
    const label = m[0] === '.' && (/^[a-z]$/i.test(before) || /^\d{1,3}$/.test(before) || ABBREVIATIONS.has(before.toLowerCase()));
    // The next item of a list ("… usulan. 2. Uji coba") continues it.
    const nextItem = /^ (?:[a-z]|\d{1,2})\. /.test(flat.slice(end, end + 5));
    if ((label || nextItem) && end < flat.length) continue;
    out.push(flat.slice(start, end).trim());
    start = end;
  }
  if (start < flat.length) out.push(flat.slice(start).trim());
  return out.filter(Boolean);
}
