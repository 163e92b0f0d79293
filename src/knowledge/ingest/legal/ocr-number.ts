/**
 * OCR reads digits as look-alike letters ("2Ol4", "Pasal L4", "(l)", "t2."). Numbers in legal text are
 * read through this map, and only where a number is expected, so words are never rewritten.
 */
const LOOK_ALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  Q: '0',
  l: '1',
  I: '1',
  i: '1',
  L: '1',
  '|': '1',
  '!': '1',
  t: '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
  g: '9',
};

/** Characters that may stand for a digit in OCR text, for use inside a regex character class. */
export const OCR_DIGIT = String.raw`0-9OoQlIiL|!tZzSsBg`;

/**
 * Reads an OCR-damaged number ("2Ol4" → 2014, "2 1" → 21). Returns undefined when the token has no real
 * digit and is not a single look-alike, so a word like "Ol" alone is not taken for a number.
 */
export function readOcrNumber(raw: string): number | undefined {
  const compact = raw.replace(/\s+/g, '');
  if (!compact) return undefined;
  let digits = '';
  for (const ch of compact) {
    const digit = /\d/.test(ch) ? ch : LOOK_ALIKES[ch];
    if (digit === undefined) return undefined;
    digits += digit;
  }
  if (!/\d/.test(compact) && compact.length > 1) return undefined;
  return Number(digits);
}
