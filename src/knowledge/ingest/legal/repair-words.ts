import { readOcrNumber } from './ocr-number.js';

/**
 * Mends words OCR and line-wrapping broke, only where the intended word is certain: a hyphen split
 * ("Undang- Undang", "seluas- luasnya"), a frequent legal phrase ("danf atau" → "dan/atau"), years in
 * "Tahun 2Ol4" / "Tahun 20 15", and a space inside a word when the document itself spells the joined
 * word elsewhere ("elektro nik" → "elektronik"). Anything else is left as written.
 */
export function repairBrokenWords(text: string): string {
  const repaired = text
    .replace(/\bdan\s?[fl|/1I]\s?atau\b/g, 'dan/atau')
    .replace(/(\p{L}{3,})-[^\S\n]+(\p{L}+)/gu, (whole, left: string, right: string) => {
      return joinHyphenated(left, right) ?? whole;
    })
    .replace(/\b(Tahun|TAHUN)\s+(\d{2})\s(\d{2})\b/g, '$1 $2$3')
    // References: "ayat (l)" / "ayat {2)" / "ayat (21," → "ayat (1)" / "(2)" / "(2),"; "Pasal L4" → "Pasal 14".
    .replace(/\b(ayat)\s+[({[]\s?([0-9lIi])\s?(?:[)}\]][1l]?|[1t\\](?![\d)}\]]))/g, (_, word: string, digit: string) => {
      return `${word} (${readOcrNumber(digit) ?? digit})`;
    })
    .replace(/\b(Pasal)\s+([0-9][0-9OolIL]{1,2}|[OolIL][0-9]{1,2})\b/g, (whole, word: string, raw: string) => {
      const value = readOcrNumber(raw);
      return value === undefined ? whole : `${word} ${value}`;
    })
    .replace(/\b(Tahun|TAHUN)\s+([0-9OolI]{4})\b/g, (whole, word: string, year: string) => {
      const value = readOcrNumber(year);
      return value !== undefined && value >= 1945 && value <= 2099 ? `${word} ${value}` : whole;
    });
  return joinSplitWords(repaired);
}

// "pra- dan pascabencana" keeps its hyphen and space: the first word is shared, not broken.
const CONJUNCTIONS = new Set(['dan', 'atau', 'serta', 'hingga', 'sampai']);

function joinHyphenated(left: string, right: string): string | undefined {
  if (CONJUNCTIONS.has(right.toLowerCase())) return undefined;
  // Reduplication and capitalised compounds keep the hyphen: "Undang-Undang", "seluas-luasnya", "antar-Daerah".
  if (/^\p{Lu}/u.test(right) || isReduplication(left, right)) return `${left}-${right}`;
  // Otherwise the hyphen came from wrapping a single word: "pemerin- tahan" → "pemerintahan".
  return `${left}${right}`;
}

function isReduplication(left: string, right: string): boolean {
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  for (let n = Math.min(l.length, r.length); n >= 3; n--) if (r.startsWith(l.slice(l.length - n))) return true;
  return false;
}

function joinSplitWords(text: string): string {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  // A fragment occurs once (here); a word of its own occurs elsewhere too.
  const isWord = (w: string): boolean => (counts.get(w) ?? 0) >= 2;
  const shouldJoin = (a: string, b: string): boolean => {
    if (!/^\p{Ll}{3,}$/u.test(a) || !/^\p{Ll}{3,}$/u.test(b)) return false;
    // Only when a part is not a word of its own: "di tangan" stays even if "ditangan" occurs somewhere.
    if (counts.has(a + b) && !(isWord(a) && isWord(b))) return true;
    // Indonesian words do not end in j, c or q: "menyej ahterakan" is one word.
    return /[jcq]$/.test(a);
  };
  return text
    .split('\n')
    .map((line) => {
      const words = line.split(' ');
      const out: string[] = [];
      for (const word of words) {
        const last = out[out.length - 1];
        if (last !== undefined && shouldJoin(last, word)) out[out.length - 1] = last + word;
        else out.push(word);
      }
      return out.join(' ');
    })
    .join('\n');
}
