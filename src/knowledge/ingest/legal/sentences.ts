/**
 * Sentence boundaries in Indonesian legal and official prose. An ayat is drafted as one sentence (its
 * list included), so the ayat reconstruction leans on this; the plain-text chunker uses it to avoid
 * cutting a chunk mid-sentence.
 */

// Abbreviations that end in a period without ending the sentence.
const ABBREVIATIONS = new Set(
  'no rp hlm dr drs ir prof h hj st jl kab kec prov tgl ttd a.n u.p yth sdr bpk'.split(' '),
);

// "dalam Pasal 14." or "huruf a." ends a sentence; a bare "14." or "a." opens a list item.
const ADDRESS_WORDS = /^(?:pasal|ayat|huruf|angka|nomor|tahun|bab)$/i;

/**
 * True when `word` closes a sentence given the word that follows (and the one before, which tells
 * "Pasal 14." from a list label "14."). An abbreviation ("No.") never does. OCR turns some final
 * periods into an apostrophe ("hari kerja'").
 */
export function endsSentence(word: string, next: string | undefined, previous?: string): boolean {
  if (!/[.!?']$/.test(word)) return false;
  if (/^(?:[a-z]|\d{1,3}|[ivxlc]+)\.$/i.test(word) && !ADDRESS_WORDS.test(previous ?? '')) return false;
  const bare = word.replace(/[.!?']+$/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  if (word.endsWith("'") && !/\p{L}'$/u.test(word)) return false;
  if (next === undefined) return true;
  // A sentence starts with a capital, a quote, an opening bracket or a number ("(2) Dalam …").
  return /^[\p{Lu}"“(\d]/u.test(next);
}

/** Splits prose into sentences; line breaks inside a sentence are kept as spaces. */
export function splitSentences(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const sentences: string[] = [];
  let current: string[] = [];
  words.forEach((word, i) => {
    current.push(word);
    if (endsSentence(word, words[i + 1], words[i - 1])) {
      sentences.push(current.join(' '));
      current = [];
    }
  });
  if (current.length) sentences.push(current.join(' '));
  return sentences;
}
